import { For, Match, Show, Switch, createResource } from 'solid-js';
import { reporting } from '@tongxin/api-client';
import { format } from '@tongxin/i18n';
import { ErrorNotice, describeError } from '@tongxin/ui';
import { chinaMonth } from '@tongxin/calendar';
import { t } from './messages.ts';

/** The org's attendance this month and the yearly in-person rule: who has not yet, who is at risk. */
export function AttendanceSummary(props: { orgId: string }) {
  const period = chinaMonth(new Date());
  const year = Number(period.slice(0, 4));
  const [month, month$] = createResource(() => props.orgId, (orgId) => reporting.meetings.monthlyReport.query({ orgId, period }));
  const [yearly, yearly$] = createResource(() => props.orgId, (orgId) => reporting.meetings.yearlyInPerson.query({ orgId, year }));
  const names = (list: readonly { name: string }[]) => (list.length > 0 ? list.map((m) => m.name).join('、') : t('nobody'));

  return (
    <>
      <section aria-labelledby="meetings-month-title">
        <h2 id="meetings-month-title">{t('monthTitle')}</h2>
        <Switch>
          <Match when={month.error}>
            <ErrorNotice message={describeError(month.error)} onRetry={month$.refetch} />
          </Match>
          <Match when={month.latest}>
            {(m) => (
              <p>
                {t('monthRate', {
                  rate: m().rate === null ? '—' : format(m().rate!, { style: 'percent', maximumFractionDigits: 0 }),
                  expected: format(m().expected),
                  attended: format(m().attended),
                })}
              </p>
            )}
          </Match>
        </Switch>
      </section>
      <section aria-labelledby="meetings-year-title">
        <h2 id="meetings-year-title">{t('yearTitle', { year: String(year) })}</h2>
        <p class="meta">{t('yearIntro')}</p>
        <Switch>
          <Match when={yearly.error}>
            <ErrorNotice message={describeError(yearly.error)} onRetry={yearly$.refetch} />
          </Match>
          <Match when={yearly.latest}>
            {(y) => (
              <dl class="facts">
                <dt>{t('attendedInPerson')}</dt>
                <dd>{t('people', { count: format(y().attended.length) })}</dd>
                <dt>{t('notYet')}</dt>
                <dd>{names(y().notYet)}</dd>
                <Show when={y().atRisk.length > 0}>
                  <dt>{t('atRisk')}</dt>
                  <dd>
                    <span class="badge badge-warn" style={{ 'white-space': 'normal' }}>{names(y().atRisk)}</span>
                  </dd>
                </Show>
              </dl>
            )}
          </Match>
        </Switch>
      </section>
    </>
  );
}
