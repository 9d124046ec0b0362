import { For, Show, createSignal, untrack } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { sortOrgs } from '@tongxin/ledger';
import { ErrorNotice, describeError } from '@tongxin/ui';
import { TextField } from '../parts/text-field.tsx';
import { bigButton } from '../touch.ts';
import { m, type CheckinMessageKey } from './messages.ts';
import type { DirectoryEntry } from './types.ts';

/** Check-ins go to flow organizations (roster DIRECTORY_KINDS). */
const CHECKIN_KINDS = ['flow_branch', 'flow_general'] as const;

export const kindLabel = (kind: string) => m(`kind.${kind}` as CheckinMessageKey) ?? kind;
export const placeOf = (entry: DirectoryEntry) => [entry.province, entry.city].filter(Boolean).join(' ');

/** Find a destination in the cross-county directory by city and name, then pick one. */
export function DirectorySearch(props: { onChoose: (entry: DirectoryEntry) => void; city?: string; name?: string }) {
  const [city, setCity] = createSignal(untrack(() => props.city ?? ''));
  const [name, setName] = createSignal(untrack(() => props.name ?? ''));
  const [results, setResults] = createSignal<DirectoryEntry[] | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<string>();
  const [failure, setFailure] = createSignal<unknown>(null);

  async function search(event: SubmitEvent) {
    event.preventDefault();
    if (!city().trim() && !name().trim()) return setProblem(m('needOne'));
    setProblem(undefined);
    setFailure(null);
    setBusy(true);
    try {
      setResults(sortOrgs(await roster.orgs.directory.query({ city: city().trim() || undefined, name: name().trim() || undefined, kinds: [...CHECKIN_KINDS] })));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="find-heading">
      <h3 id="find-heading">{m('findTitle')}</h3>
      <form class="form" noValidate role="search" onSubmit={search}>
        <TextField id="city" label={m('city')} hint={m('cityHint')} optional max={40} value={city()} onInput={setCity} error={problem()} />
        <TextField id="orgName" label={m('orgName')} hint={m('orgNameHint')} optional max={60} value={name()} onInput={setName} />
        <button type="submit" style={bigButton} disabled={busy()} aria-busy={busy()}>
          {busy() ? m('searching') : m('search')}
        </button>
      </form>
      <Show when={failure()}>
        <ErrorNotice message={describeError(failure())} />
      </Show>
      <Show when={results()}>
        {(list) => (
          <>
            <p role="status">{list().length > 0 ? m('found', { count: list().length }) : m('noneFound')}</p>
            <ul class="cards">
              <For each={list()}>
                {(entry) => (
                  <li class="card">
                    <h4 style={{ margin: 0 }}>{entry.name}</h4>
                    <p class="muted">{kindLabel(entry.kind)} · {placeOf(entry)}</p>
                    <button type="button" class="secondary" style={bigButton} aria-label={`${m('choose')}：${entry.name}`} onClick={() => props.onChoose(entry)}>
                      {m('choose')}
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </>
        )}
      </Show>
    </section>
  );
}
