import { For, Show, createEffect, createResource, createSignal, on } from 'solid-js';
import { identity } from '@tongxin/api-client';
import { format } from '@tongxin/i18n';
import { formatDate } from '../shared/format-date.ts';
import { displayCode, type IssuedCode, type SkippedMember } from './accounts-api.ts';
import { ActivationSheet, qrImages, type SheetImages } from './activation-sheet.tsx';
import { t, type AccountsMessageKey } from './messages.ts';

/** The county's name for the sheet's heading: the session's tenant in the public county list. */
async function countyName(): Promise<string> {
  const [me, tenants] = await Promise.all([identity.auth.me.query(), identity.auth.tenants.query()]);
  return tenants.find((tenant) => tenant.id === me.tenantId)?.name ?? me.tenantId;
}

/**
 * The codes issued during this visit, shown once: who got one, who was skipped and why,
 * and the printable sheet (QR codes made in the browser only when the user asks to print).
 */
export function IssuedCodes(props: {
  issued: IssuedCode[];
  skipped: SkippedMember[];
  round: number;
  lastCount: number;
  replayed: number;
  onClear: () => void;
}) {
  const [county] = createResource(countyName);
  const [images, setImages] = createSignal<SheetImages | null>(null);
  const [preparing, setPreparing] = createSignal(false);
  const [failed, setFailed] = createSignal(false);
  let panel: HTMLElement | undefined;
  // A new issue: the previous sheet is out of date, and the result takes the focus (it is
  // announced, and on a phone it is where the user needs to look next).
  createEffect(
    on(
      () => props.round,
      () => {
        setImages(null);
        setFailed(false);
        queueMicrotask(() => panel?.focus());
      },
      { defer: true },
    ),
  );

  async function print() {
    setPreparing(true);
    setFailed(false);
    try {
      setImages(await qrImages(props.issued));
      // Let the sheet render and its images decode before the print dialog takes the page.
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      await Promise.all([...document.querySelectorAll<HTMLImageElement>('.activation-sheet img')].map((img) => img.decode().catch(() => undefined)));
      window.print();
    } catch {
      setFailed(true);
    } finally {
      setPreparing(false);
    }
  }

  function clear() {
    if (!window.confirm(t('clearConfirm'))) return;
    setImages(null);
    props.onClear();
  }

  return (
    <Show when={props.round > 0}>
      <section class="panel issued" aria-labelledby="issued-title" tabindex="-1" ref={panel}>
        <h2 id="issued-title">{t('issuedTitle')}</h2>
        <p role="status">
          {props.lastCount > 0 ? t('issuedCount', { count: format(props.lastCount) }) : t('issuedNone')}
        </p>
        <Show when={props.replayed > 0}>
          <p class="notice notice-warn">{t('replayed', { count: format(props.replayed) })}</p>
        </Show>
        <Show when={props.skipped.length > 0}>
          <p>
            {t('skipped')}
            <For each={props.skipped}>
              {(member, index) => (
                <>
                  {index() > 0 ? '、' : ''}
                  {member.reason === 'active' ? t('skip.active', { name: member.name }) : t('skip.no_phone', { name: member.name })}
                </>
              )}
            </For>
          </p>
        </Show>
        <Show when={props.issued.length > 0}>
          <p class="notice notice-warn">{t('issuedOnce')}</p>
          <ul class="issued-list" aria-label={t('issuedList')}>
            <For each={props.issued}>
              {(code) => (
                <li>
                  <span>{code.name}</span>
                  <span class="meta">{code.branchName}</span>
                  <code class="activation-code">{displayCode(code.code)}</code>
                  <span class="meta">{t('expires', { date: formatDate(code.expiresAt) })}</span>
                  <Show when={code.delivery}>
                    {(status) => (
                      <span class={status() === 'sent' ? 'meta' : 'warn-text'}>{t(`delivery.${status()}` as AccountsMessageKey)}</span>
                    )}
                  </Show>
                </li>
              )}
            </For>
          </ul>
          <div class="form-buttons">
            <button type="button" disabled={preparing()} onClick={print}>
              {preparing() ? t('preparing') : t('print')}
            </button>
            <button type="button" class="secondary" onClick={clear}>
              {t('clear')}
            </button>
          </div>
          <Show when={failed()}>
            <p class="field-error" role="alert">
              {t('qrFailed')}
            </p>
          </Show>
          <Show when={images()}>
            {(qr) => <ActivationSheet issued={props.issued} images={qr()} county={county.error ? '' : (county() ?? '')} />}
          </Show>
        </Show>
      </section>
    </Show>
  );
}
