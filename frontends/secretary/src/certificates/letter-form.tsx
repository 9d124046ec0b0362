import { For, Show, createResource, createSignal, onCleanup } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { ErrorNotice, OptionalMark, createAction, describeError, problemMessage } from '@tongxin/ui';
import { c } from '../shared/messages.ts';
import { LETTER_PURPOSES } from './certificates-api.ts';
import { t, type CertificatesMessageKey } from './messages.ts';

type LetterInput = Omit<Parameters<typeof roster.certificates.issueLetter.mutate>[0], 'idempotencyKey'>;
type Purpose = LetterInput['purpose'];
const FIELDS = ['memberId', 'destination', 'fromOn', 'toOn'] as const;

/** A certificate letter for a member under the committee (found by name), for a short trip. */
export function LetterForm(props: { committeeId: string; onWritten: (said: string) => void }) {
  const [typed, setTyped] = createSignal('');
  const [search, setSearch] = createSignal('');
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  const [members, { refetch }] = createResource(
    () => (search() ? { orgId: props.committeeId, search: search() } : false),
    (input) => roster.members.list.query({ ...input, pageSize: 20 }),
  );
  const items = () => (members.error ? [] : (members.latest?.items ?? []));
  const [memberId, setMemberId] = createSignal('');
  const [purpose, setPurpose] = createSignal<Purpose>('meeting');
  const [values, setValues] = createSignal<Record<string, string>>({});
  const [local, setLocal] = createSignal<Record<string, string>>({});
  const write = createAction((input: LetterInput, idempotencyKey: string) => roster.certificates.issueLetter.mutate({ ...input, idempotencyKey }));
  const errorOf = (field: string) => local()[field] ?? write.fields()[field];
  const set = (field: string, value: string) => setValues({ ...values(), [field]: value });

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const read: Record<string, string | undefined> = { ...values(), memberId: memberId() };
    const missing: Record<string, string> = {};
    for (const field of FIELDS) if (!read[field]?.trim()) missing[field] = c('required');
    setLocal(missing);
    if (Object.keys(missing).length > 0) return;
    const member = items().find((item) => item.id === memberId());
    const done = await write.run({
      orgId: props.committeeId, memberId: memberId(), purpose: purpose(), destination: read.destination!.trim(), fromOn: read.fromOn!, toOn: read.toOn!,
      note: read.note?.trim() || undefined,
    });
    if (done) {
      setValues({});
      setMemberId('');
      props.onWritten(t('letterWritten', { name: member?.name ?? '' }));
    }
  }

  const DateField = (p: { name: 'fromOn' | 'toOn' }) => (
    <div class="field">
      <label for={`letter-${p.name}`}>{t(p.name)}</label>
      <input id={`letter-${p.name}`} type="date" value={values()[p.name] ?? ''} onInput={(event) => set(p.name, event.currentTarget.value)}
        aria-invalid={errorOf(p.name) ? 'true' : undefined} aria-describedby={errorOf(p.name) ? `letter-${p.name}-error` : undefined} />
      <Show when={errorOf(p.name)}>{(text) => <p class="field-error" id={`letter-${p.name}-error`}>{text()}</p>}</Show>
    </div>
  );

  return (
    <form class="form task-form" aria-labelledby="letter-form-title" onSubmit={onSubmit} novalidate>
      <h2 id="letter-form-title">{t('letterFor')}</h2>
      <div class="field">
        <label for="letter-search">{t('memberSearch')}</label>
        <input
          id="letter-search"
          type="search"
          value={typed()}
          aria-describedby="letter-search-hint"
          onInput={(event) => {
            setTyped(event.currentTarget.value);
            clearTimeout(timer);
            timer = setTimeout(() => setSearch(typed().trim()), 300);
          }}
        />
        <p class="meta" id="letter-search-hint">{t('memberSearchHint')}</p>
      </div>
      <Show when={members.error}>
        <ErrorNotice message={describeError(members.error)} onRetry={refetch} />
      </Show>
      <div class="field">
        <label for="letter-member">{t('member')}</label>
        <select id="letter-member" value={memberId()} onChange={(event) => setMemberId(event.currentTarget.value)}
          aria-invalid={errorOf('memberId') ? 'true' : undefined} aria-describedby={errorOf('memberId') ? 'letter-member-error' : undefined}>
          <option value="">{search() && items().length === 0 && !members.loading ? t('noMember') : c('choose')}</option>
          <For each={items()}>{(member) => <option value={member.id}>{member.name} · {member.branch}</option>}</For>
        </select>
        <Show when={errorOf('memberId')}>{(text) => <p class="field-error" id="letter-member-error">{text()}</p>}</Show>
      </div>
      <div class="field">
        <label for="letter-purpose">{t('purpose')}</label>
        <select id="letter-purpose" value={purpose()} onChange={(event) => setPurpose(event.currentTarget.value as Purpose)}>
          <For each={LETTER_PURPOSES}>{(p) => <option value={p}>{t(`purpose.${p}` as CertificatesMessageKey)}</option>}</For>
        </select>
      </div>
      <div class="field">
        <label for="letter-destination">{t('letterDestination')}</label>
        <input id="letter-destination" maxLength={100} value={values().destination ?? ''} onInput={(event) => set('destination', event.currentTarget.value)}
          aria-invalid={errorOf('destination') ? 'true' : undefined} aria-describedby={errorOf('destination') ? 'letter-destination-error' : undefined} />
        <Show when={errorOf('destination')}>{(text) => <p class="field-error" id="letter-destination-error">{text()}</p>}</Show>
      </div>
      <div class="pair">
        <DateField name="fromOn" />
        <DateField name="toOn" />
      </div>
      <div class="field">
        <label for="letter-note">{t('note')}<OptionalMark /></label>
        <textarea id="letter-note" maxLength={500} value={values().note ?? ''} onInput={(event) => set('note', event.currentTarget.value)} />
      </div>
      <Show when={write.error() && !FIELDS.some((field) => write.fields()[field])}>
        <ErrorNotice message={problemMessage(write.error())} />
      </Show>
      <div class="form-buttons">
        <button type="submit" disabled={write.pending()}>{write.pending() ? c('saving') : t('writeLetter')}</button>
      </div>
    </form>
  );
}
