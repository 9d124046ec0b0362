import { For, Match, Show, Switch, createResource, createSignal, untrack } from 'solid-js';
import { reporting, roster } from '@tongxin/api-client';
import { ErrorNotice, Loading, createAction, describeError, problemMessage } from '@tongxin/ui';
import { RouteLink } from '../app/route-link.tsx';
import { routeParam } from '../app/route.ts';
import { formatDate } from '../shared/format-date.ts';
import { ReportingStyles } from '../shared/reporting-styles.tsx';
import { t } from './messages.ts';
import { tokenOf } from './token-of.ts';

type Verified = Awaited<ReturnType<typeof roster.certificates.verify.query>>;

/**
 * What a destination secretary of any county sees when they open a member's certificate code
 * (issue 17): valid, the holder's name, home branch, county and end date, nothing else; an
 * expired, handed-back or revoked one says so. Then the member's check-in requests to the
 * caller's organizations, to accept here (the member is the one whose certificate was just
 * verified: same county and name).
 */
export default function VerifyPage() {
  const [token, setToken] = createSignal(untrack(() => routeParam('token') ?? ''));
  const [typed, setTyped] = createSignal('');
  const [verified] = createResource(() => token() || false, (value) => roster.certificates.verify.query({ token: value }));

  return (
    <section class="reporting">
      <ReportingStyles />
      <h1>{t('verifyTitle')}</h1>
      <p>{t('verifyIntro')}</p>
      <form
        class="form"
        novalidate
        onSubmit={(event) => {
          event.preventDefault();
          if (typed().trim()) setToken(tokenOf(typed()));
        }}
      >
        <div class="field">
          <label for="verify-token">{t('verifyLink')}</label>
          <input id="verify-token" value={typed()} onInput={(event) => setTyped(event.currentTarget.value)} aria-describedby="verify-token-hint" autocomplete="off" />
          <p class="meta" id="verify-token-hint">{t('verifyLinkHint')}</p>
        </div>
        <div class="form-buttons">
          <button type="submit">{t('verify')}</button>
        </div>
      </form>
      <Switch>
        <Match when={verified.loading}>
          <Loading />
        </Match>
        <Match when={verified.error}>
          {/* An expired, handed-back, revoked or unknown certificate: the code's own words. */}
          <ErrorNotice message={problemMessage(verified.error)} />
        </Match>
        <Match when={verified()}>{(certificate) => <VerifiedCertificate certificate={certificate()} />}</Match>
      </Switch>
    </section>
  );
}

function VerifiedCertificate(props: { certificate: Verified }) {
  const [said, setSaid] = createSignal('');
  const [pending, { refetch }] = createResource(() => reporting.checkins.inbox.query({ status: 'pending' }));
  // The inbox names the member's county and name: the verified holder's requests.
  const mine = () =>
    (pending.latest ?? []).filter((row) => row.memberTenantId === props.certificate.countyId && row.memberName === props.certificate.holderName);
  const accept = createAction((checkinId: string) => reporting.checkins.decide.mutate({ checkinId, decision: 'accept' }));

  return (
    <>
      <section class="card" aria-labelledby="verified-title">
        <h2 id="verified-title">
          <span class="badge badge-good">{t('valid')}</span> {props.certificate.number}
        </h2>
        <dl class="facts">
          <dt>{t('holder')}</dt>
          <dd>{props.certificate.holderName}</dd>
          <dt>{t('branch')}</dt>
          <dd>{props.certificate.branchName}</dd>
          <dt>{t('county')}</dt>
          <dd>{props.certificate.countyName}</dd>
          <dt>{t('validUntil')}</dt>
          <dd>{formatDate(props.certificate.validUntil)}</dd>
        </dl>
      </section>
      <section aria-labelledby="verified-checkins">
        <h2 id="verified-checkins">{t('checkinsTitle')}</h2>
        <p role="status">{said()}</p>
        <Show when={accept.error()}>
          <ErrorNotice message={problemMessage(accept.error())} />
        </Show>
        <Switch>
          <Match when={pending.error}>
            <ErrorNotice message={describeError(pending.error)} onRetry={refetch} />
          </Match>
          <Match when={pending.loading && !pending.latest}>
            <Loading />
          </Match>
          <Match when={pending.latest}>
            <Show when={mine().length > 0} fallback={<p>{t('noCheckin')}</p>}>
              <ul class="cards">
                <For each={mine()}>
                  {(row) => (
                    <li class="card">
                      <p>{t('checkinTo', { org: row.destOrgName })}</p>
                      <Show when={row.note}>{(note) => <p class="meta">{note()}</p>}</Show>
                      <div class="form-buttons">
                        <button
                          type="button"
                          disabled={accept.pending()}
                          onClick={async () => {
                            if (await accept.run(row.id)) {
                              setSaid(t('accepted', { name: props.certificate.holderName }));
                              refetch();
                            }
                          }}
                        >
                          {t('accept')}
                        </button>
                      </div>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </Match>
        </Switch>
        <p>
          <RouteLink to={{ name: 'checkins' }}>{t('toCheckins')}</RouteLink>
        </p>
      </section>
    </>
  );
}
