import { For, Match, Show, Switch, createResource, createSignal } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { chinaDate } from '@tongxin/calendar';
import { CERTIFICATE_REMIND_DAYS } from '@tongxin/ledger';
import { ErrorNotice, Loading, describeError } from '@tongxin/ui';
import { SectionStyles } from '../parts/section-styles.tsx';
import { bigButton } from '../touch.ts';
import { day } from '../parts/when.ts';
import { CertificateCode } from './certificate-code.tsx';
import { m, type CertificateMessageKey } from './messages.ts';
import { ReturnReportForm } from './return-report-form.tsx';
import { daysBetween, type MyCertificate } from './types.ts';

const BADGE: Record<MyCertificate['status'], string> = { valid: 'badge badge-ok', returned: 'badge badge-off', expired: 'badge badge-wait', revoked: 'badge badge-bad' };

const css = `
.member-view .certificate-code { display: grid; gap: 0.5rem; justify-items: center; margin-top: 0.75rem; }
.member-view .certificate-code img { width: min(18rem, 100%); height: auto; image-rendering: pixelated; border: 1px solid var(--color-border); }
.member-view .code-link { overflow-wrap: anywhere; font-size: 0.85rem; }
.member-view .facts { display: grid; grid-template-columns: fit-content(7rem) minmax(0, 1fr); gap: 0.25rem 0.75rem; margin: 0.5rem 0; }
.member-view .facts dt { color: var(--color-muted); }
.member-view .facts dd { margin: 0; }
`;

/** The certificate's facts as printed on it. */
function CertificateFacts(props: { certificate: MyCertificate }) {
  return (
    <>
      <p>
        <strong>{props.certificate.number}</strong> <span class={BADGE[props.certificate.status]}>{m(`status.${props.certificate.status}` as CertificateMessageKey)}</span>
      </p>
      <dl class="facts">
        <dt>{m('holder')}</dt>
        <dd>{props.certificate.holderName}</dd>
        <dt>{m('branch')}</dt>
        <dd>{props.certificate.branchName}</dd>
        <dt>{m('issuer')}</dt>
        <dd>{props.certificate.issuerName}</dd>
        <dt>{m('destination')}</dt>
        <dd>{[props.certificate.destinationProvince, props.certificate.destinationCity].filter(Boolean).join(' ')}</dd>
        <dt>{m('validUntil')}</dt>
        <dd>{day(props.certificate.validUntil)}</dd>
        <Show when={props.certificate.handedBackOn}>
          {(on) => (
            <>
              <dt>{m('handedBackOn')}</dt>
              <dd>{day(on())}</dd>
            </>
          )}
        </Show>
      </dl>
      <Show when={props.certificate.checkedInWith.length > 0}>
        <p class="muted">{m('checkedIn', { orgs: props.certificate.checkedInWith.join('、') })}</p>
      </Show>
    </>
  );
}

/**
 * 我的活动证 (issue 17): the standing certificate with its QR code for the destination to
 * verify, a reminder as its end nears, and the report on the time away before it is handed
 * back; then the earlier ones.
 */
export default function CertificatePage() {
  const [certificates, { refetch }] = createResource(() => roster.certificates.mine.query());
  const [said, setSaid] = createSignal('');
  const [reporting, setReporting] = createSignal(false);
  // The standing one: valid, or lapsed but not yet handed back.
  const current = () => certificates.latest?.find((c) => c.status === 'valid' || c.status === 'expired');
  const past = () => certificates.latest?.filter((c) => c !== current()) ?? [];
  const daysLeft = (c: MyCertificate) => daysBetween(chinaDate(new Date()), c.validUntil);

  return (
    <section aria-labelledby="certificate-heading">
      <SectionStyles />
      <style>{css}</style>
      <h2 id="certificate-heading">{m('title')}</h2>
      <p class="muted">{m('intro')}</p>
      <p role="status">{said()}</p>
      <Switch>
        <Match when={certificates.error}>
          <ErrorNotice message={describeError(certificates.error)} onRetry={refetch} />
        </Match>
        <Match when={certificates.latest}>
          <Show when={current()} keyed fallback={<p>{m('none')}</p>}>
            {(certificate) => (
              <div class="card">
                <CertificateFacts certificate={certificate} />
                <Switch>
                  <Match when={certificate.status === 'expired'}>
                    <p class="reply">{m('expired')}</p>
                  </Match>
                  <Match when={daysLeft(certificate) <= CERTIFICATE_REMIND_DAYS}>
                    <p class="reply">{m('endingSoon', { days: daysLeft(certificate) })}</p>
                  </Match>
                </Switch>
                <Show when={certificate.status === 'valid'}>
                  <CertificateCode certificateId={certificate.id} number={certificate.number} />
                </Show>
                {/* The report is for the way home: asked for once the member says they are back, or to change one sent. */}
                <Show
                  when={reporting() || certificate.reportedAt}
                  fallback={
                    <button type="button" class="secondary" style={{ ...bigButton, 'margin-top': '0.75rem' }} onClick={() => setReporting(true)}>
                      {m('back')}
                    </button>
                  }
                >
                  <ReturnReportForm
                    certificate={certificate}
                    focusFirst={reporting()}
                    onSent={(text) => {
                      setSaid(text);
                      refetch();
                    }}
                  />
                </Show>
              </div>
            )}
          </Show>
          <Show when={past().length > 0}>
            <h3>{m('history')}</h3>
            <ul class="cards">
              <For each={past()}>
                {(certificate) => (
                  <li class="card">
                    <CertificateFacts certificate={certificate} />
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </Match>
        <Match when={certificates.loading}>
          <Loading />
        </Match>
      </Switch>
    </section>
  );
}
