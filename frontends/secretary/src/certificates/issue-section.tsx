import { For, Show, createResource, createSignal, onCleanup } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { t as words } from '@tongxin/i18n';
import { ResourceList } from '@tongxin/ui';
import { formatDate } from '../shared/format-date.ts';
import { IssueForm } from './issue-form.tsx';
import { t } from './messages.ts';

/** A township may have hundreds away: the first few, and a name search for the others. */
const SHOWN = 10;

/** The members away under the committee without a valid certificate, each with what its certificate will say, and the issue form. */
export function IssueSection(props: { committeeId: string; round: number; onIssued: (said: string) => void }) {
  const [typed, setTyped] = createSignal('');
  const [search, setSearch] = createSignal('');
  const [chosen, setChosen] = createSignal<string | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  const [candidates, { refetch }] = createResource(
    () => ({ orgId: props.committeeId, search: search() || undefined, round: props.round }),
    ({ round: _round, ...input }) => roster.certificates.candidates.query(input),
  );

  return (
    <section aria-labelledby="issue-title">
      <h2 id="issue-title">{t('issueTitle')}</h2>
      <p>{t('issueIntro')}</p>
      <div class="toolbar">
        <div class="field">
          <label for="issue-search">{t('search')}</label>
          <input
            id="issue-search"
            type="search"
            value={typed()}
            onInput={(event) => {
              setTyped(event.currentTarget.value);
              clearTimeout(timer);
              timer = setTimeout(() => setSearch(typed().trim()), 300);
            }}
          />
        </div>
      </div>
      <ResourceList resource={candidates} onRetry={refetch} empty={t('candidatesEmpty')}>
        {(rows) => (
          <>
            <ul class="cards" aria-busy={candidates.loading}>
              <For each={rows().slice(0, SHOWN)}>
                {(candidate) => (
                  <li class="card">
                    <h3>{candidate.name}</h3>
                    <p class="meta">{candidate.branchName}</p>
                    <p>
                      {t('destination')}：{[candidate.destinationProvince, candidate.destinationCity].filter(Boolean).join(' ')}
                      <Show when={candidate.reasonCode}>{(code) => <> · {t('reason')}：{words(`awayReason.${code()}`)}</>}</Show>
                    </p>
                    <p class="meta">
                      {t('awaySince')}：{formatDate(candidate.leftOn)}
                      <Show when={candidate.expectedMonths}>{(months) => <> · {t('expected', { months: months() })}</>}</Show>
                    </p>
                    <Show
                      when={chosen() === candidate.memberId}
                      fallback={
                        <div class="form-buttons">
                          <button type="button" aria-label={t('issueFor', { name: candidate.name })} onClick={() => setChosen(candidate.memberId)}>{t('issue')}</button>
                        </div>
                      }
                    >
                      <IssueForm
                        committeeId={props.committeeId}
                        candidate={candidate}
                        onCancel={() => setChosen(null)}
                        onIssued={(said) => {
                          setChosen(null);
                          props.onIssued(said);
                        }}
                      />
                    </Show>
                  </li>
                )}
              </For>
            </ul>
            <Show when={rows().length > SHOWN}>
              <p class="meta">{t('moreCandidates', { count: rows().length - SHOWN })}</p>
            </Show>
          </>
        )}
      </ResourceList>
    </section>
  );
}
