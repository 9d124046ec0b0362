import { For, Show, createResource, createSignal } from 'solid-js';
import { ErrorNotice, describeError } from '@tongxin/ui';
import { checkinLink } from '@tongxin/ui/share-button';
import type { Destinations } from './destinations.ts';
import { t } from './messages.ts';

/**
 * A destination org's check-in link as a QR code, made in the browser: `qrcode` is loaded
 * only when a code is drawn, so the other pages never pay for it.
 */
export function CheckinQr(props: { destinations: Destinations }) {
  const orgs = () => props.destinations.orgs;
  const flowOrgs = () => props.destinations.flowOrgs();
  const [orgId, setOrgId] = createSignal('');
  const [copied, setCopied] = createSignal(false);
  const chosen = () => flowOrgs().find((org) => org.id === orgId()) ?? (flowOrgs().length === 1 ? flowOrgs()[0] : undefined);
  // The member's check-in page with this org chosen: the same link as its invitation card's.
  const link = () => {
    const org = chosen();
    const tenantId = props.destinations.tenantId();
    return org && tenantId ? { org, url: checkinLink(tenantId, org.id, { city: org.city, name: org.name }) } : undefined;
  };
  const [image] = createResource(link, async ({ url }) => {
    const QRCode = await import('qrcode');
    return QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 2, width: 256 });
  });

  async function copy(url: string) {
    await navigator.clipboard?.writeText(url).catch(() => undefined);
    setCopied(true);
  }

  // Without a flow organization in scope there is no code to show: a branch secretary
  // would only read that there is none, so the section is left out.
  return (
    <Show when={orgs().error || flowOrgs().length > 0}>
      <section aria-labelledby="checkin-qr-title">
        <h2 id="checkin-qr-title">{t('qrTitle')}</h2>
        <p>{t('qrIntro')}</p>
        <Show when={orgs().error}>
          <ErrorNotice message={describeError(orgs().error)} onRetry={props.destinations.retry} />
        </Show>
        <Show when={flowOrgs().length > 0}>
          <div class="field">
            <label for="checkin-qr-org">{t('qrOrg')}</label>
            <select id="checkin-qr-org" value={chosen()?.id ?? ''} onChange={(event) => { setOrgId(event.currentTarget.value); setCopied(false); }}>
              <option value="">{t('qrChoose')}</option>
              <For each={flowOrgs()}>{(org) => <option value={org.id}>{org.name}</option>}</For>
            </select>
          </div>
        </Show>
        <Show when={link()}>
          {(current) => (
            <div class="qr">
              <Show when={image.error}>
                <p class="field-error">{t('qrFailed')}</p>
              </Show>
              <Show when={!image.error && image()}>
                {(src) => <img src={src()} width="256" height="256" alt={t('qrAlt', { name: current().org.name })} />}
              </Show>
              <p>
                <strong>{t('qrLink')}</strong>：<a class="link-text" href={current().url}>{decodeURI(current().url)}</a>
              </p>
              <button type="button" class="secondary" onClick={() => copy(current().url)}>{t('qrCopy')}</button>
              <p role="status">{copied() ? t('qrCopied') : ''}</p>
            </div>
          )}
        </Show>
      </section>
    </Show>
  );
}
