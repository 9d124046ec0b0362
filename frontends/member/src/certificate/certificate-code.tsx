import { Show, createResource, createSignal } from 'solid-js';
import { roster } from '@tongxin/api-client';
import { ErrorNotice, createAction, problemMessage } from '@tongxin/ui';
import { bigButton } from '../touch.ts';
import { m } from './messages.ts';

/** Where the code leads: the secretary view's verification page, which any county's secretary opens (logging in first if needed). */
export function verificationLink(token: string): string {
  const params = new URLSearchParams({ page: 'verify-certificate', token });
  return `${window.location.origin}/secretary?${params.toString()}`;
}

/**
 * The certificate as a QR code, made on the phone when the member asks: a new token each time
 * (only its hash is kept on the server), drawn by `qrcode`, loaded only then, so the other
 * sections never carry it.
 */
export function CertificateCode(props: { certificateId: string; number: string }) {
  const [link, setLink] = createSignal<string | null>(null);
  const show = createAction((certificateId: string) => roster.certificates.showCode.mutate({ certificateId }));
  const [image] = createResource(link, async (url) => {
    const QRCode = await import('qrcode');
    return QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 2, width: 288 });
  });

  async function showIt() {
    const done = await show.run(props.certificateId);
    if (done) setLink(verificationLink(done.output.token));
  }

  return (
    <div>
      <button type="button" style={bigButton} disabled={show.pending()} aria-busy={show.pending()} onClick={showIt}>
        {show.pending() ? m('showing') : m('showCode')}
      </button>
      <Show when={show.error()}>
        <ErrorNotice message={problemMessage(show.error())} />
      </Show>
      <Show when={link()}>
        {(url) => (
          <div class="certificate-code">
            <Show when={image.error}>
              <p class="muted">{m('codeFailed')}</p>
            </Show>
            <Show when={!image.error && image()}>
              {(src) => <img src={src()} width="288" height="288" alt={m('codeAlt', { number: props.number })} />}
            </Show>
            <p class="muted">{m('codeHint')}</p>
            <p>
              <strong>{m('codeLink')}</strong>：<a class="code-link" href={url()}>{url()}</a>
            </p>
          </div>
        )}
      </Show>
    </div>
  );
}
