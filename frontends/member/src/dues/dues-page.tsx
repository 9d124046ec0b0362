import { For, Match, Show, Switch, createResource } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { locale } from '@tongxin/i18n';
import { DUES_BAND_WORDS, DUES_SCHEDULE_WORDS, fenToYuan } from '@tongxin/ledger';
import { ErrorNotice, Loading, describeError } from '@tongxin/ui';
import { SectionStyles } from '../parts/section-styles.tsx';
import { day } from '../parts/when.ts';
import { m } from './messages.ts';

type MyDues = Awaited<ReturnType<typeof roster.dues.mine.query>>;
type Payment = NonNullable<MyDues['periods'][number]['payment']>;

const BADGE = { paid: 'badge badge-ok', due: 'badge badge-wait', arrears: 'badge badge-bad' } as const;

/** 2026-Q2 → 2026年第2季度 / Q2 2026; a month stays as it is. */
function periodWords(period: string): string {
  const match = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!match) return period;
  return locale() === 'en' ? `Q${match[2]} ${match[1]}` : `${match[1]}年第${match[2]}季度`;
}

function Where(props: { payment: Payment }) {
  return (
    <>
      {props.payment.place === 'destination' ? m('place.destination', { number: props.payment.certificateNumber ?? '' }) : m('place.home')}
      <br />
      <span class="muted">{m('paidLine', { date: day(props.payment.paidOn), org: props.payment.receiverOrgName })}</span>
    </>
  );
}

/**
 * 我的党费 (issue 17): the member's standard, every period from the month the branch first
 * recorded with what was due and paid, where and to whom, and the arrears. Read only: the
 * secretary who received the dues records them.
 */
export default function DuesPage() {
  const [dues, { refetch }] = createResource(() => roster.dues.mine.query());
  // Read only once answered: a resource read while loading would suspend the section, and the
  // view's focus on the h2 gives up while it is out of the document.
  const loaded = () => (dues.state === 'ready' ? dues() : dues.state === 'refreshing' ? dues.latest : undefined);
  return (
    <section aria-labelledby="dues-heading">
      <SectionStyles />
      <h2 id="dues-heading">{m('title')}</h2>
      <p class="muted">{m('intro')}</p>
      <Switch>
        <Match when={dues.error}>
          <ErrorNotice message={describeError(dues.error)} onRetry={refetch} />
        </Match>
        <Match when={loaded()}>
          {(data) => (
            <Show when={data().settings} fallback={<p>{m('notSet')}</p>}>
              {(settings) => (
                <>
                  <div class="card">
                    <p>
                      {m('standard', {
                        schedule: DUES_SCHEDULE_WORDS[settings().schedule][locale()],
                        amount: fenToYuan(settings().monthlyDueFen),
                        band: DUES_BAND_WORDS[settings().band][locale()],
                      })}
                    </p>
                    <p>
                      <strong>{data().arrearsPeriods > 0 ? m('arrears', { count: data().arrearsPeriods, amount: fenToYuan(data().arrearsFen) }) : m('noArrears')}</strong>
                    </p>
                  </div>
                  <h3>{m('periods')}</h3>
                  <ul class="cards" aria-label={m('periodsCaption')}>
                    <For each={data().periods}>
                      {(line) => (
                        <li class="card">
                          <p>
                            <strong>{periodWords(line.period)}</strong> <span class={BADGE[line.state]}>{m(`state.${line.state}`)}</span>
                          </p>
                          <p>
                            {m('due')} {fenToYuan(line.dueFen)} · {m('paid')} {fenToYuan(line.paidFen)}
                          </p>
                          <Show when={line.payment}>{(payment) => <p><Where payment={payment()} /></p>}</Show>
                        </li>
                      )}
                    </For>
                  </ul>
                  <Show when={data().otherPayments.length > 0}>
                    <h3>{m('other')}</h3>
                    <ul class="cards">
                      <For each={data().otherPayments}>
                        {(payment) => (
                          <li class="card">
                            <p>
                              <strong>{periodWords(payment.period)}</strong> {fenToYuan(payment.paidFen)}
                            </p>
                            <p><Where payment={payment} /></p>
                            <Show when={payment.voidReason}>{(reason) => <p class="muted">{m('voided', { reason: reason() })}</p>}</Show>
                          </li>
                        )}
                      </For>
                    </ul>
                  </Show>
                </>
              )}
            </Show>
          )}
        </Match>
        <Match when={!loaded()}>
          <Loading />
        </Match>
      </Switch>
    </section>
  );
}
