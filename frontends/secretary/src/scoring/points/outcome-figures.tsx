import { tasks } from '@tongxin/api-client';
import { For, Match, Show, Switch, createResource } from 'solid-js';
import { format } from '@tongxin/i18n';
import { ErrorNotice, describeError } from '@tongxin/ui';
import { taskWord } from '@tongxin/i18n/task-words';
import type { TreeOrg } from '../../shared/org-options.ts';
import { type OutcomeRow } from '../../shared/tasks-api.ts';
import { say, t } from './messages.ts';

interface Total {
  kind: OutcomeRow['kind'];
  unit: OutcomeRow['unit'];
  amount: number;
  completions: number;
}

/**
 * The figures for the caller's whole scope per kind and unit ("boxes sold", "jobs found",
 * "yuan donated"). The server counts a completion for every org on its publisher's path
 * (branch, township, county), so only the top orgs among the rows are summed.
 */
function totalsOf(rows: readonly OutcomeRow[], paths: ReadonlyMap<string, string>): Total[] {
  const present = new Set(rows.map((row) => row.orgId));
  const isTop = (orgId: string) => !(paths.get(orgId) ?? '').split('/').some((id) => id && id !== orgId && present.has(id));
  const totals = new Map<string, Total>();
  for (const row of rows.filter((r) => isTop(r.orgId))) {
    const key = `${row.kind}/${row.unit ?? ''}`;
    const total = totals.get(key) ?? { kind: row.kind, unit: row.unit, amount: 0, completions: 0 };
    total.amount += row.amount;
    total.completions += row.completions;
    totals.set(key, total);
  }
  return [...totals.values()];
}

/** The hometown's outcome figures for the year, from the numbers in approved evidence. */
export function OutcomeFigures(props: { year: number; orgId?: string; orgs: readonly TreeOrg[]; version: number }) {
  const input = () => ({ year: props.year, orgId: props.orgId, version: props.version });
  const [summary, { refetch }] = createResource(input, ({ year, orgId }) => tasks.outcomes.summary.query(orgId ? { year, orgId } : { year }));
  const rows = () => summary.latest?.rows ?? [];

  return (
    <section aria-labelledby="outcomes-title">
      <h2 id="outcomes-title">{t('outcomesTitle', { year: props.year })}</h2>
      <p class="meta">{t('outcomesIntro')}</p>
      <Switch>
        <Match when={summary.error}>
          <ErrorNotice message={describeError(summary.error)} onRetry={refetch} />
        </Match>
        <Match when={summary.latest && rows().length === 0}>
          <p>{t('outcomesEmpty')}</p>
        </Match>
        <Match when={summary.latest}>
          <h3>{t('outcomesTotals')}</h3>
          <ul class="counts">
            <For each={totalsOf(rows(), new Map(props.orgs.map((org) => [org.id, org.path])))}>
              {(total) => (
                <li>
                  <Show when={total.unit} fallback={t('outcomeCount', { kind: taskWord('kind', total.kind), count: format(total.completions) })}>
                    <span class="count">{format(total.amount)} {taskWord('unit', total.unit)}</span>
                    {taskWord('kind', total.kind)} · {t('completions')} {format(total.completions)}
                  </Show>
                </li>
              )}
            </For>
          </ul>
          <div class="table-scroll" tabindex="0" role="region" aria-label={t('outcomesTable')} style={{ 'margin-top': '0.75rem' }}>
            <table aria-busy={summary.loading}>
              <thead>
                <tr>
                  <th scope="col">{t('publisher')}</th>
                  <th scope="col">{t('taskKind')}</th>
                  <th scope="col" class="num">{t('amount')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={rows()}>
                  {(row) => (
                    <tr>
                      <th scope="row" class="wrap">
                        {row.orgName}
                        <span class="meta sub">{say('publisherLevel', row.level)}</span>
                      </th>
                      <td>{taskWord('kind', row.kind)}</td>
                      <td class="num">
                        {row.unit ? `${format(row.amount)}\u00a0${taskWord('unit', row.unit)}` : '—'}
                        <span class="meta sub">{t('completionsCount', { count: format(row.completions) })}</span>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Match>
      </Switch>
    </section>
  );
}
