import { For, Show, createSignal } from 'solid-js';
import { reporting } from '@tongxin/api-client';
import { createAction, describeError, ErrorNotice, OptionalMark } from '@tongxin/ui';
import type { TreeOrg } from '../../shared/org-options.ts';
import { c } from '../../shared/messages.ts';
import { chinaLocalToIso } from '@tongxin/calendar';
import { t, label } from './messages.ts';

const KINDS = ['members_meeting', 'branch_committee', 'party_group', 'party_lecture', 'themed_party_day', 'organizational_life', 'democratic_appraisal'] as const;
const MODES = ['in_person', 'online', 'both'] as const;
type Kind = (typeof KINDS)[number];
type Mode = (typeof MODES)[number];

type Fields = Record<string, string>;
type ScheduleInput = Omit<Parameters<typeof reporting.meetings.schedule.mutate>[0], 'idempotencyKey'>;
const value = (form: HTMLFormElement, name: string) => String(new FormData(form).get(name) ?? '').trim();

/** Schedule a meeting for one org; times are entered in China time. Errors show at their fields. */
export function ScheduleForm(props: { org: TreeOrg; onDone: (title: string) => void; onCancel: () => void }) {
  const [mode, setMode] = createSignal<Mode>('in_person');
  const [local, setLocal] = createSignal<Fields>({});
  const schedule = createAction((input: ScheduleInput, idempotencyKey: string) => reporting.meetings.schedule.mutate({ ...input, idempotencyKey }));
  // The window rule in this form's words (meeting-window.ts on the server).
  const serverError = (field: string) => (schedule.codes()[field]?.code === 'deadline_too_late' ? t('deadlineTooLate') : schedule.fields()[field]);
  const errorOf = (field: string) => local()[field] ?? serverError(field);

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const read = (name: string) => value(form, name);
    const missing: Fields = {};
    for (const name of ['title', 'startsAt', 'endsAt']) if (!read(name)) missing[name] = c('required');
    if (mode() !== 'online' && !read('location')) missing.location = c('required');
    if (mode() !== 'in_person' && !read('onlineLink')) missing.onlineLink = c('required');
    setLocal(missing);
    if (Object.keys(missing).length > 0) return;
    const input = {
      orgId: props.org.id,
      kind: read('kind') as Kind,
      title: read('title'),
      agenda: read('agenda') || undefined,
      mode: mode(),
      location: mode() !== 'online' ? read('location') : undefined,
      onlineLink: mode() !== 'in_person' ? read('onlineLink') : undefined,
      startsAt: chinaLocalToIso(read('startsAt')),
      endsAt: chinaLocalToIso(read('endsAt')),
      reportDeadline: read('reportDeadline') ? chinaLocalToIso(read('reportDeadline')) : undefined,
    };
    const done = await schedule.run(input);
    if (done) props.onDone(input.title);
  }

  const Field = (p: { name: string; label: string; type?: string; hint?: string; optional?: boolean }) => (
    <div class="field">
      <label for={`meeting-${p.name}`}>
        {p.label}
        <Show when={p.optional}><OptionalMark /></Show>
      </label>
      <Show when={p.hint}><p id={`meeting-${p.name}-hint`} class="meta">{p.hint}</p></Show>
      <input
        id={`meeting-${p.name}`}
        name={p.name}
        type={p.type ?? 'text'}
        aria-invalid={errorOf(p.name) ? 'true' : undefined}
        aria-describedby={[p.hint && `meeting-${p.name}-hint`, errorOf(p.name) && `meeting-${p.name}-error`].filter(Boolean).join(' ') || undefined}
      />
      <Show when={errorOf(p.name)}><p id={`meeting-${p.name}-error`} class="field-error">{errorOf(p.name)}</p></Show>
    </div>
  );

  return (
    <form class="form panel" aria-labelledby="meeting-form-title" onSubmit={onSubmit} novalidate>
      <h2 id="meeting-form-title">{t('scheduleTitle')} · {props.org.name}</h2>
      <div class="field">
        <label for="meeting-kind">{t('kind')}</label>
        <select id="meeting-kind" name="kind">
          <For each={KINDS}>{(kind) => <option value={kind}>{label(`kind.${kind}`)}</option>}</For>
        </select>
      </div>
      <Field name="title" label={t('meetingTitle')} />
      <div class="field">
        <label for="meeting-agenda">{t('agenda')}<OptionalMark /></label>
        <textarea id="meeting-agenda" name="agenda" aria-invalid={errorOf('agenda') ? 'true' : undefined} />
        <Show when={errorOf('agenda')}><p class="field-error">{errorOf('agenda')}</p></Show>
      </div>
      <fieldset class="field" style={{ border: 'none', padding: 0, margin: 0 }}>
        <legend>{t('mode')}</legend>
        <For each={MODES}>
          {(m) => (
            <label style={{ display: 'inline-flex', gap: '0.35rem', 'align-items': 'center', 'margin-right': '1rem', 'min-height': '2rem' }}>
              <input type="radio" name="mode" value={m} checked={mode() === m} onChange={() => setMode(m)} />
              {label(`mode.${m}`)}
            </label>
          )}
        </For>
      </fieldset>
      <Show when={mode() !== 'online'}><Field name="location" label={t('location')} /></Show>
      <Show when={mode() !== 'in_person'}><Field name="onlineLink" label={t('onlineLink')} type="url" /></Show>
      <p class="meta">{t('times')}</p>
      <Field name="startsAt" label={t('startsAt')} type="datetime-local" />
      <Field name="endsAt" label={t('endsAt')} type="datetime-local" />
      <Field name="reportDeadline" label={t('reportDeadline')} type="datetime-local" hint={t('reportDeadlineHint')} optional />
      <Show when={schedule.error() && Object.keys(schedule.fields()).length === 0}>
        <ErrorNotice message={describeError(schedule.error())} />
      </Show>
      <div class="form-buttons">
        <button type="submit" disabled={schedule.pending()}>{schedule.pending() ? c('saving') : t('submit')}</button>
        <button type="button" class="secondary" onClick={() => props.onCancel()}>{c('cancel')}</button>
      </div>
    </form>
  );
}
