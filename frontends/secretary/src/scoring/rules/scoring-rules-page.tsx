import { For, Match, Show, Switch, createResource, createSignal } from 'solid-js';
import { identity } from '@tongxin/api-client';
import { format } from '@tongxin/i18n';
import { ErrorNotice, Loading, describeError } from '@tongxin/ui';
import { say } from '../points/messages.ts';
import { scoringApi, type ActivityKind } from '../scoring-api.ts';
import { ReportingStyles } from '../../shared/reporting-styles.tsx';
import { CardStyles } from '../../shared/card-styles.tsx';
import { t, type RulesMessageKey } from './messages.ts';
import { RuleForm } from './rule-form.tsx';
import { RulesHistory } from './rules-history.tsx';
import { ThresholdsForm } from './thresholds-form.tsx';

const LEVELS = ['excellent', 'qualified', 'basic'] as const;

/** 积分规则: the county's points per activity, monthly caps and evaluation standards; the department edits them. */
export default function ScoringRulesPage() {
  const [rules, { refetch }] = createResource(() => scoringApi.rules.list.query());
  const [me] = createResource(() => identity.auth.me.query());
  const isDepartment = () => !me.error && (me()?.roles ?? []).some((grant) => grant.role === 'department');
  const [editing, setEditing] = createSignal<ActivityKind | 'thresholds' | null>(null);
  const [said, setSaid] = createSignal('');
  const [version, setVersion] = createSignal(0);
  const done = (text: string) => {
    setEditing(null);
    setSaid(text);
    setVersion(version() + 1);
    refetch();
  };

  return (
    <section class="reporting">
      <ReportingStyles />
      <CardStyles />
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <Show when={me() && !isDepartment()}>
        <p class="notice notice-warn">{t('readOnly')}</p>
      </Show>
      <p role="status">{said()}</p>
      <Switch fallback={<Loading />}>
        <Match when={rules.error}>
          <ErrorNotice message={describeError(rules.error)} onRetry={refetch} />
        </Match>
        <Match when={rules.latest}>
          {(r) => (
            <>
              <section aria-labelledby="rules-title">
                <h2 id="rules-title">{t('rulesTitle')}</h2>
                <div class="table-scroll" tabindex="0" role="region" aria-label={t('rulesTable')}>
                  <table aria-busy={rules.loading}>
                    <thead>
                      <tr>
                        <th scope="col">{t('kind')}</th>
                        <th scope="col" class="num">{t('points')}</th>
                        <th scope="col" class="num">{t('cap')}</th>
                        <Show when={isDepartment()}><th scope="col">{t('edit')}</th></Show>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={r().rules}>
                        {(rule) => (
                          <tr>
                            <th scope="row">{say('activity', rule.kind)}</th>
                            <td class="num">{rule.points === null ? t('taskPoints') : format(rule.points)}</td>
                            <td class="num">{rule.monthlyCap === null ? t('noCap') : format(rule.monthlyCap)}</td>
                            <Show when={isDepartment()}>
                              <td>
                                <button
                                  type="button"
                                  class="secondary small"
                                  aria-label={t('editLabel', { kind: say('activity', rule.kind) })}
                                  aria-expanded={editing() === rule.kind}
                                  onClick={() => { setSaid(''); setEditing(editing() === rule.kind ? null : rule.kind); }}
                                >
                                  {t('edit')}
                                </button>
                              </td>
                            </Show>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </div>
                <Show when={r().rules.find((rule) => rule.kind === editing())} keyed>
                  {(rule) => <RuleForm rule={rule} onDone={done} onCancel={() => setEditing(null)} />}
                </Show>
              </section>
              <section aria-labelledby="thresholds-title">
                <h2 id="thresholds-title">{t('thresholdsTitle')}</h2>
                <p class="meta">{t('thresholdsIntro')}</p>
                <div class="table-scroll" tabindex="0" role="region" aria-label={t('thresholdsTable')}>
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{t('grade')}</th>
                        <th scope="col" class="num">{t('yearPoints')}</th>
                        <th scope="col" class="num">{t('reports')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={LEVELS}>
                        {(level) => (
                          <tr>
                            <th scope="row">{t(`grade.${level}` as RulesMessageKey)}</th>
                            <td class="num">{format(r().thresholds[level].points)}</td>
                            <td class="num">{format(r().thresholds[level].reports)}</td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </div>
                <p>{r().thresholds.pointsCount ? t('pointsCountOn') : t('pointsCountOff')}</p>
                <Show when={isDepartment()}>
                  <Show
                    when={editing() === 'thresholds'}
                    fallback={
                      <div class="form-buttons" style={{ 'margin-top': '0.5rem' }}>
                        <button type="button" class="secondary" onClick={() => { setSaid(''); setEditing('thresholds'); }}>{t('editThresholds')}</button>
                      </div>
                    }
                  >
                    <ThresholdsForm thresholds={r().thresholds} onDone={done} onCancel={() => setEditing(null)} />
                  </Show>
                </Show>
              </section>
            </>
          )}
        </Match>
      </Switch>
      <Show when={isDepartment()}>
        <RulesHistory version={version()} />
      </Show>
    </section>
  );
}
