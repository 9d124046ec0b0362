import { For, Show, createResource, createSignal, onMount, untrack } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { DUES_BANDS, DUES_SCHEDULES, isRateBand, prefillMonthlyDue, yuanToFen, type DuesBand, type DuesSchedule } from '@tongxin/ledger';
import { ErrorNotice, Loading, OptionalMark, createAction, describeError, problemMessage } from '@tongxin/ui';
import { c } from '../shared/messages.ts';
import { bandWords, scheduleWords, thisMonth, yuan, type DuesRow } from './dues-api.ts';
import { t } from './messages.ts';

type SettingsInput = Parameters<typeof roster.dues.setMember.mutate>[0];

/**
 * 设置标准: the member's schedule, declared income band and monthly amount due. The amount is
 * prefilled from the county's table (the band's fixed amount, or its rate of the income the
 * member declares here, which is not kept); the secretary's figure is what is saved.
 */
export function SettingsForm(props: { row: DuesRow; onDone: (said: string) => void; onCancel: () => void }) {
  const [loaded] = createResource(async () => {
    const [rates, record] = await Promise.all([roster.dues.rates.query(), roster.dues.member.query({ memberId: untrack(() => props.row.memberId) })]);
    return { rates, settings: record.settings };
  });
  const prefix = untrack(() => `dues-settings-${props.row.memberId}`);
  let heading: HTMLHeadingElement | undefined;
  onMount(() => heading?.focus());
  return (
    <section class="form panel" aria-labelledby={`${prefix}-title`}>
      <h3 id={`${prefix}-title`} ref={heading} tabindex="-1">{t('settingsFor', { name: props.row.name })}</h3>
      <Show when={!loaded.error} fallback={<ErrorNotice message={describeError(loaded.error)} />}>
        <Show when={loaded()} fallback={<Loading />}>
          {(data) => <SettingsFields row={props.row} prefix={prefix} rates={data().rates} settings={data().settings} onDone={props.onDone} onCancel={props.onCancel} />}
        </Show>
      </Show>
    </section>
  );
}

function SettingsFields(props: {
  row: DuesRow;
  prefix: string;
  rates: Awaited<ReturnType<typeof roster.dues.rates.query>>;
  settings: { schedule: DuesSchedule; band: DuesBand; monthlyDueFen: number; dueFrom: string } | null;
  onDone: (said: string) => void;
  onCancel: () => void;
}) {
  const start = untrack(() => props.settings);
  const [schedule, setSchedule] = createSignal<DuesSchedule>(start?.schedule ?? 'monthly');
  const [band, setBand] = createSignal<DuesBand>(start?.band ?? 'upto_3000');
  const [income, setIncome] = createSignal('');
  const [amount, setAmount] = createSignal(start ? yuan(start.monthlyDueFen) : '');
  const [dueFrom, setDueFrom] = createSignal(start?.dueFrom ?? thisMonth());
  const [local, setLocal] = createSignal('');
  const save = createAction((input: SettingsInput) => roster.dues.setMember.mutate(input));
  const rate = () => props.rates.find((line) => line.band === band());
  const rateText = () => {
    const line = rate();
    if (!line) return '';
    return line.rateBp !== null ? t('rate', { rate: line.rateBp / 100 }) : t('fixed', { amount: yuan(line.fixedFen) });
  };
  // The amount follows the band and the declared income until the secretary types their own.
  const prefill = () => {
    const line = rate();
    const incomeFen = yuanToFen(income());
    const fen = line ? prefillMonthlyDue(line, incomeFen === null ? null : incomeFen / 100) : null;
    if (fen !== null) setAmount(yuan(fen));
  };
  const amountError = () => local() || save.fields().monthlyDueFen;
  const id = (name: string) => `${props.prefix}-${name}`;

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const fen = yuanToFen(amount());
    setLocal(fen === null || fen < 0 ? t('amountInvalid') : '');
    if (fen === null || fen < 0) return;
    if (await save.run({ memberId: props.row.memberId, schedule: schedule(), band: band(), monthlyDueFen: fen, dueFrom: dueFrom() })) {
      props.onDone(t('saved', { name: props.row.name }));
    }
  }

  return (
    <form onSubmit={onSubmit} novalidate>
      <div class="field">
        <label for={id('schedule')}>{t('schedule')}</label>
        <select id={id('schedule')} value={schedule()} onChange={(event) => setSchedule(event.currentTarget.value as DuesSchedule)}>
          <For each={DUES_SCHEDULES}>{(s) => <option value={s}>{scheduleWords(s)}</option>}</For>
        </select>
      </div>
      <div class="field">
        <label for={id('band')}>{t('band')}</label>
        <select id={id('band')} value={band()} aria-describedby={id('band-rate')} onChange={(event) => { setBand(event.currentTarget.value as DuesBand); prefill(); }}>
          <For each={DUES_BANDS}>{(b) => <option value={b}>{bandWords(b)}</option>}</For>
        </select>
        <p class="hint" id={id('band-rate')}>{rateText()}</p>
      </div>
      <Show when={isRateBand(band())}>
        <div class="field">
          <label for={id('income')}>{t('declaredIncome')}<OptionalMark /></label>
          <input id={id('income')} inputmode="decimal" value={income()} aria-describedby={id('income-hint')} onInput={(event) => { setIncome(event.currentTarget.value); prefill(); }} />
          <p class="hint" id={id('income-hint')}>{t('declaredIncomeHint')}</p>
        </div>
      </Show>
      <div class="field">
        <label for={id('amount')}>{t('monthlyDue')}</label>
        <input id={id('amount')} inputmode="decimal" value={amount()} onInput={(event) => setAmount(event.currentTarget.value)}
          aria-invalid={amountError() ? 'true' : undefined} aria-describedby={`${id('amount-hint')}${amountError() ? ` ${id('amount-error')}` : ''}`} />
        <p class="hint" id={id('amount-hint')}>{t('monthlyDueHint')}</p>
        <Show when={amountError()}>{(text) => <p class="field-error" id={id('amount-error')}>{text()}</p>}</Show>
      </div>
      <div class="field">
        <label for={id('from')}>{t('dueFrom')}</label>
        <input id={id('from')} type="month" max={thisMonth()} value={dueFrom()} onInput={(event) => setDueFrom(event.currentTarget.value)}
          aria-invalid={save.fields().dueFrom ? 'true' : undefined} aria-describedby={`${id('from-hint')}${save.fields().dueFrom ? ` ${id('from-error')}` : ''}`} />
        <p class="hint" id={id('from-hint')}>{t('dueFromHint')}</p>
        <Show when={save.fields().dueFrom}>{(text) => <p class="field-error" id={id('from-error')}>{text()}</p>}</Show>
      </div>
      <Show when={save.error() && !amountError() && !save.fields().dueFrom}>
        <ErrorNotice message={problemMessage(save.error())} />
      </Show>
      <div class="form-buttons">
        <button type="submit" disabled={save.pending()}>{save.pending() ? c('saving') : t('save')}</button>
        <button type="button" class="secondary" onClick={() => props.onCancel()}>{c('cancel')}</button>
      </div>
    </form>
  );
}
