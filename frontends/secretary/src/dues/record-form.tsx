import { For, Show, createSignal, onMount, untrack } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { isMonth } from '@tongxin/calendar';
import { yuanToFen } from '@tongxin/ledger';
import { ErrorNotice, createAction, problemMessage } from '@tongxin/ui';
import { c } from '../shared/messages.ts';
import { periodWords, recentQuarters, thisMonth, today, yuan, type DuesRow } from './dues-api.ts';
import { t } from './messages.ts';

type RecordInput = Omit<Parameters<typeof roster.dues.record.mutate>[0], 'idempotencyKey'>;

/** 登记交纳: the period by the member's schedule, the amount and the day; at the destination the certificate is linked by the server. */
export function RecordForm(props: { row: DuesRow; onDone: (said: string) => void; onCancel: () => void }) {
  const quarterly = untrack(() => props.row.schedule === 'quarterly');
  const first = untrack(() => (quarterly ? (props.row.period.includes('Q') ? props.row.period : recentQuarters(thisMonth(), 1)[0]!) : isMonth(props.row.period) ? props.row.period : thisMonth()));
  const [period, setPeriod] = createSignal(first);
  const [amount, setAmount] = createSignal(untrack(() => (props.row.period === first && props.row.unpaidFen ? yuan(props.row.unpaidFen) : '')));
  const [paidOn, setPaidOn] = createSignal(today());
  const [local, setLocal] = createSignal('');
  const record = createAction((input: RecordInput, idempotencyKey: string) => roster.dues.record.mutate({ ...input, idempotencyKey }));
  const prefix = untrack(() => `dues-record-${props.row.memberId}`);
  let heading: HTMLHeadingElement | undefined;
  onMount(() => heading?.focus());
  const amountError = () => local() || record.fields().paidFen;
  const periodError = () => record.fields().period;
  const dateError = () => record.fields().paidOn;
  const otherError = () => record.error() && !amountError() && !periodError() && !dateError();

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const fen = yuanToFen(amount());
    setLocal(fen === null || fen < 0 ? t('amountInvalid') : '');
    if (fen === null || fen < 0) return;
    if (await record.run({ memberId: props.row.memberId, period: period(), paidFen: fen, paidOn: paidOn() })) {
      props.onDone(t('recorded', { name: props.row.name, period: periodWords(period()) }));
    }
  }

  return (
    <form class="form panel" aria-labelledby={`${prefix}-title`} onSubmit={onSubmit} novalidate>
      <h3 id={`${prefix}-title`} ref={heading} tabindex="-1">{t('recordFor', { name: props.row.name })}</h3>
      <Show when={props.row.source === 'checked_in'}>
        <p class="meta">{t('atDestination')}</p>
      </Show>
      <div class="field">
        <label for={`${prefix}-period`}>{t('period')}</label>
        <Show
          when={quarterly}
          fallback={<input id={`${prefix}-period`} type="month" max={thisMonth()} value={period()} onInput={(event) => setPeriod(event.currentTarget.value)}
            aria-invalid={periodError() ? 'true' : undefined} aria-describedby={periodError() ? `${prefix}-period-error` : undefined} />}
        >
          <select id={`${prefix}-period`} value={period()} onChange={(event) => setPeriod(event.currentTarget.value)}
            aria-invalid={periodError() ? 'true' : undefined} aria-describedby={periodError() ? `${prefix}-period-error` : undefined}>
            <For each={recentQuarters(thisMonth())}>{(q) => <option value={q}>{periodWords(q)}</option>}</For>
          </select>
        </Show>
        <Show when={periodError()}>{(text) => <p class="field-error" id={`${prefix}-period-error`}>{text()}</p>}</Show>
      </div>
      <div class="field">
        <label for={`${prefix}-amount`}>{t('amountPaid')}</label>
        <input id={`${prefix}-amount`} inputmode="decimal" value={amount()} onInput={(event) => setAmount(event.currentTarget.value)}
          aria-invalid={amountError() ? 'true' : undefined} aria-describedby={`${prefix}-amount-hint${amountError() ? ` ${prefix}-amount-error` : ''}`} />
        <p class="hint" id={`${prefix}-amount-hint`}>{t('amountHint')}</p>
        <Show when={amountError()}>{(text) => <p class="field-error" id={`${prefix}-amount-error`}>{text()}</p>}</Show>
      </div>
      <div class="field">
        <label for={`${prefix}-on`}>{t('paidOn')}</label>
        <input id={`${prefix}-on`} type="date" max={today()} value={paidOn()} onInput={(event) => setPaidOn(event.currentTarget.value)}
          aria-invalid={dateError() ? 'true' : undefined} aria-describedby={dateError() ? `${prefix}-on-error` : undefined} />
        <Show when={dateError()}>{(text) => <p class="field-error" id={`${prefix}-on-error`}>{text()}</p>}</Show>
      </div>
      <Show when={otherError()}>
        <ErrorNotice message={problemMessage(record.error())} />
      </Show>
      <div class="form-buttons">
        <button type="submit" disabled={record.pending()}>{record.pending() ? c('saving') : t('record')}</button>
        <button type="button" class="secondary" onClick={() => props.onCancel()}>{c('cancel')}</button>
      </div>
    </form>
  );
}

/** 作废: a wrong record voided with the reason, so the period can be recorded again. */
export function VoidForm(props: { row: DuesRow; paymentId: string; onDone: (said: string) => void; onCancel: () => void }) {
  const [reason, setReason] = createSignal('');
  const [local, setLocal] = createSignal('');
  const voiding = createAction((input: { paymentId: string; reason: string }) => roster.dues.void.mutate(input));
  const payment = () => props.row.payments.find((p) => p.id === props.paymentId);
  const prefix = untrack(() => `dues-void-${props.paymentId}`);
  let heading: HTMLHeadingElement | undefined;
  onMount(() => heading?.focus());
  const reasonError = () => local() || voiding.fields().reason;

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    setLocal(reason().trim() ? '' : c('required'));
    if (!reason().trim()) return;
    if (await voiding.run({ paymentId: props.paymentId, reason: reason().trim() })) {
      props.onDone(t('voided', { name: props.row.name, period: periodWords(payment()?.period ?? '') }));
    }
  }

  return (
    <form class="form panel" aria-labelledby={`${prefix}-title`} onSubmit={onSubmit} novalidate>
      <h3 id={`${prefix}-title`} ref={heading} tabindex="-1">{t('voidFor', { name: props.row.name, period: periodWords(payment()?.period ?? '') })}</h3>
      <p class="meta">{t('voidHint')}</p>
      <div class="field">
        <label for={`${prefix}-reason`}>{t('voidReason')}</label>
        <textarea id={`${prefix}-reason`} maxLength={200} value={reason()} onInput={(event) => setReason(event.currentTarget.value)}
          aria-invalid={reasonError() ? 'true' : undefined} aria-describedby={reasonError() ? `${prefix}-reason-error` : undefined} />
        <Show when={reasonError()}>{(text) => <p class="field-error" id={`${prefix}-reason-error`}>{text()}</p>}</Show>
      </div>
      <Show when={voiding.error() && !voiding.fields().reason}>
        <ErrorNotice message={problemMessage(voiding.error())} />
      </Show>
      <div class="form-buttons">
        <button type="submit" disabled={voiding.pending()}>{voiding.pending() ? c('saving') : t('void')}</button>
        <button type="button" class="secondary" onClick={() => props.onCancel()}>{c('cancel')}</button>
      </div>
    </form>
  );
}
