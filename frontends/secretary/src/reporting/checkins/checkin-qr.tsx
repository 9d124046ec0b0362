import { For, Show, createResource, createSignal } from 'solid-js';
import { identity } from '@tongxin/api-client';
import { ErrorNotice, describeError } from '@tongxin/ui';
import { FLOW_KINDS, loadOrgs, type TreeOrg } from '../../shared/org-options.ts';
import { t } from './messages.ts';

/** The member-side page that opens a check-in with this org (the member remote's `?page=checkin`). */
export function checkinLink(org: TreeOrg, tenantId: string): string {
  const params = new URLSearchParams({ page: 'checkin', tenant: tenantId, org: org.id, city: org.city ?? '', name: org.name });
  return `${window.location.origin}/member?${params.toString()}`;
}

/** Orgs carry no tenant: the session says which county this is. */
async function sessionTenant(): Promise<string> {
  const me = await identity.auth.me.query();
  return me.tenantId;
}

/**
 * A destination org's check-in link as a QR code, made in the browser: `qrcode` is loaded
 * only when a code is drawn, so the other pages never pay for it.
 */
export function CheckinQr() {
  const [orgs] = createResource(loadOrgs);
  const [tenant] = createResource(sessionTenant);
  const [orgId, setOrgId] = createSignal('');
  const [copied, setCopied] = createSignal(false);
  const flowOrgs = () => (orgs.error ? [] : (orgs() ?? []).filter((org) => FLOW_KINDS.includes(org.kind)));
  const chosen = () => flowOrgs().find((org) => org.id === orgId()) ?? (flowOrgs().length === 1 ? flowOrgs()[0] : undefined);
  const link = () => {
    const org = chosen();
    const tenantId = tenant.error ? undefined : tenant();
    return org && tenantId ? { org, url: checkinLink(org, tenantId) } : undefined;
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
    <Show when={orgs.error || flowOrgs().length > 0}>
      <section aria-labelledby="checkin-qr-title">
        <h2 id="checkin-qr-title">{t('qrTitle')}</h2>
        <p>{t('qrIntro')}</p>
        <Show when={orgs.error}>
          <ErrorNotice message={describeError(orgs.error)} />
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
