import { For, Show, createSignal } from 'solid-js';
import { reporting } from '@tongxin/api-client';
import { createAction, describeError, ErrorNotice, OptionalMark } from '@tongxin/ui';
import { m, type SecretaryMessageKey } from '../../messages.ts';
import { formatDate } from '../../shared/format-date.ts';
import { c } from '../../shared/messages.ts';
import { chinaDate } from '@tongxin/calendar';
import { t } from './messages.ts';

export type ContactTask = Awaited<ReturnType<typeof reporting.escalation.contactTasks.query>>[number];
type RecordInput = Parameters<typeof reporting.escalation.recordContact.mutate>[0];
const CHANNELS = ['phone', 'wechat', 'sms', 'visit', 'letter', 'other'] as const;
const RESULTS = ['reached', 'no_answer', 'unreachable', 'refused', 'other'] as const;
const word = (key: string) => m(key as SecretaryMessageKey) ?? key;

/** One contact task: who, which month, and the form to record the attempt (or what was recorded). */
export function ContactTaskCard(props: { task: ContactTask; branch: string; onDone: (said: string) => void }) {
  const task = () => props.task;
  const form = () => `contact-${task().id}`;
  const [open, setOpen] = createSignal(false);
  const record = createAction((input: RecordInput) => reporting.escalation.recordContact.mutate(input));
  const error = (field: string) => record.fields()[field];

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const note = String(data.get('note') ?? '').trim();
    const done = await record.run({
      taskId: task().id,
      channel: String(data.get('channel')) as RecordInput['channel'],
      result: String(data.get('result')) as RecordInput['result'],
      attemptedOn: String(data.get('attemptedOn') ?? ''),
      note: note || undefined,
    });
    if (done) props.onDone(t('recorded', { name: task().memberName ?? '' }));
  }

  const Select = (p: { name: string; label: string; options: readonly string[]; prefix: string }) => (
    <div class="field">
      <label for={`${form()}-${p.name}`}>{p.label}</label>
      <select id={`${form()}-${p.name}`} name={p.name} aria-invalid={error(p.name) ? 'true' : undefined}>
        <For each={p.options}>{(option) => <option value={option}>{word(`${p.prefix}.${option}`)}</option>}</For>
      </select>
      <Show when={error(p.name)}><p class="field-error">{error(p.name)}</p></Show>
    </div>
  );

  return (
    <li class="card">
      <h2>{task().memberName}</h2>
      <p class="meta">
        {props.branch} · {t('period')}：{task().period}
      </p>
      <p>
        <span class={`badge ${task().status === 'open' ? 'badge-warn' : 'badge-good'}`}>{t(`status.${task().status}`)}</span>
      </p>
      <Show when={task().status === 'done' && task().result}>
        <p>
          {t('last', { date: formatDate(task().attemptedOn), channel: word(`channel.${task().channel}`), result: word(`result.${task().result}`) })}
          <Show when={task().note}> · {task().note}</Show>
        </p>
      </Show>
      <Show when={task().status === 'open'}>
        <Show when={open()} fallback={<button type="button" onClick={() => setOpen(true)}>{t('record')}</button>}>
          <form class="form panel" aria-label={t('recordFor', { name: task().memberName ?? '' })} onSubmit={onSubmit}>
            <Select name="channel" label={t('channel')} options={CHANNELS} prefix="channel" />
            <Select name="result" label={t('result')} options={RESULTS} prefix="result" />
            <div class="field">
              <label for={`${form()}-attemptedOn`}>{t('attemptedOn')}</label>
              <input id={`${form()}-attemptedOn`} name="attemptedOn" type="date" value={chinaDate(new Date())} max={chinaDate(new Date())} aria-invalid={error('attemptedOn') ? 'true' : undefined} aria-describedby={error('attemptedOn') ? `${form()}-attemptedOn-error` : undefined} />
              <Show when={error('attemptedOn')}><p id={`${form()}-attemptedOn-error`} class="field-error">{error('attemptedOn')}</p></Show>
            </div>
            <div class="field">
              <label for={`${form()}-note`}>{t('note')}<OptionalMark /></label>
              <input id={`${form()}-note`} name="note" maxLength={200} aria-invalid={error('note') ? 'true' : undefined} />
              <Show when={error('note')}><p class="field-error">{error('note')}</p></Show>
            </div>
            <Show when={record.error() && Object.keys(record.fields()).length === 0}>
              <ErrorNotice message={describeError(record.error())} />
            </Show>
            <div class="form-buttons">
              <button type="submit" disabled={record.pending()}>{record.pending() ? c('saving') : t('record')}</button>
              <button type="button" class="secondary" onClick={() => setOpen(false)}>{c('cancel')}</button>
            </div>
          </form>
        </Show>
      </Show>
    </li>
  );
}
