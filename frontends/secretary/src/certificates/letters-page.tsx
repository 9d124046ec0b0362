import { For, Match, Show, Switch, createResource, createSignal } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { ErrorNotice, Loading, ResourceList, describeError } from '@tongxin/ui';
import { CardStyles } from '../shared/card-styles.tsx';
import { formatDate } from '../shared/format-date.ts';
import { ReportingStyles } from '../shared/reporting-styles.tsx';
import { loadCommittees } from './certificates-api.ts';
import { CommitteeSelect } from './committee-select.tsx';
import { LetterForm } from './letter-form.tsx';
import { t, type CertificatesMessageKey } from './messages.ts';

/** 证明信 (issue 17): short trips get a dated letter instead of a certificate; the committee writes and keeps them here. */
export default function LettersPage() {
  const [committees, { refetch }] = createResource(loadCommittees);
  const [picked, setPicked] = createSignal('');
  const [said, setSaid] = createSignal('');
  const [round, setRound] = createSignal(0);
  const committee = () => {
    const all = committees.latest ?? [];
    return all.find((org) => org.id === picked()) ?? all[0];
  };
  const [letters, { refetch: reload }] = createResource(
    () => committee() && { orgId: committee()!.id, round: round() },
    ({ orgId }) => roster.certificates.letters.query({ orgId }),
  );

  return (
    <section class="reporting">
      <ReportingStyles />
      <CardStyles />
      <h1>{t('lettersTitle')}</h1>
      <p>{t('lettersIntro')}</p>
      <Switch>
        <Match when={committees.error}>
          <ErrorNotice message={describeError(committees.error)} onRetry={refetch} />
        </Match>
        <Match when={committees.loading && !committees.latest}>
          <Loading />
        </Match>
        <Match when={committees.latest}>
          {(all) => (
            <Show when={committee()} fallback={<p>{t('noCommittee')}</p>}>
              {(current) => (
                <>
                  <CommitteeSelect id="letters-committee" committees={all()} value={current().id} onChange={setPicked} />
                  <p role="status">{said()}</p>
                  <LetterForm committeeId={current().id} onWritten={(text) => { setSaid(text); setRound((n) => n + 1); }} />
                  <h2>{t('lettersTitle')}</h2>
                  <ResourceList resource={letters} onRetry={reload} empty={t('lettersEmpty')}>
                    {(rows) => (
                      <div class="table-scroll">
                        <table class="stack-table">
                          <caption>{t('lettersCaption', { count: rows().length })}</caption>
                          <thead>
                            <tr>
                              <th scope="col">{t('name')}</th>
                              <th scope="col">{t('branch')}</th>
                              <th scope="col">{t('purpose')}</th>
                              <th scope="col">{t('letterDestination')}</th>
                              <th scope="col">{t('dates')}</th>
                              <th scope="col">{t('issuedOn')}</th>
                              <th scope="col">{t('note')}</th>
                            </tr>
                          </thead>
                          <tbody>
                            <For each={rows()}>
                              {(letter) => (
                                <tr>
                                  <th scope="row" data-label={t('name')}>{letter.holderName}</th>
                                  <td data-label={t('branch')}>{letter.branchName}</td>
                                  <td data-label={t('purpose')}>{t(`purpose.${letter.purpose}` as CertificatesMessageKey)}</td>
                                  <td data-label={t('letterDestination')}>{letter.destination}</td>
                                  <td data-label={t('dates')}>{formatDate(letter.fromOn)} – {formatDate(letter.toOn)}</td>
                                  <td data-label={t('issuedOn')}>{formatDate(letter.issuedOn)}</td>
                                  <td data-label={t('note')}>{letter.note ?? ''}</td>
                                </tr>
                              )}
                            </For>
                          </tbody>
                        </table>
                      </div>
                    )}
                  </ResourceList>
                </>
              )}
            </Show>
          )}
        </Match>
      </Switch>
    </section>
  );
}
