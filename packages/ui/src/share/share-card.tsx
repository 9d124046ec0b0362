import { Show, createResource, createSignal } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { m } from './card-messages.ts';

/**
 * A share card (issue 18): a short text with the link, to paste in the branch's WeChat group,
 * and the link as a QR image. `qrcode` (already the activation sheet's) is loaded when a card
 * is opened, so no page pays for it before. `id` makes its fields' ids unique on the page;
 * `level` fits its heading under the page's (h5 by default, under a card's h4).
 */
export function ShareCard(props: { id: string; title: string; text: string; url: string; level?: 3 | 4 | 5; onClose?: () => void }) {
  const [said, setSaid] = createSignal('');
  const message = () => `${props.text}\n${props.url}`;
  const [image] = createResource(
    () => props.url,
    async (url) => {
      const QRCode = await import('qrcode');
      return QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
    },
  );
  let field: HTMLTextAreaElement | undefined;

  async function copy() {
    try {
      await navigator.clipboard.writeText(message());
      setSaid(m('copied'));
    } catch {
      // Not a secure context, or refused: the text is selected for the reader to copy.
      field?.select();
      setSaid(m('copyFailed'));
    }
  }

  return (
    <section class="card share-card" aria-labelledby={`${props.id}-share`} style={{ 'margin-top': '0.5rem' }}>
      <Dynamic component={`h${props.level ?? 5}`} id={`${props.id}-share`} style={{ margin: 0, 'font-size': '1rem' }}>{m('title')}</Dynamic>
      <p class="muted">{m('intro')}</p>
      <label for={`${props.id}-share-text`}>{m('text')}</label>
      <textarea id={`${props.id}-share-text`} ref={field} readOnly rows={4} value={message()} style={{ width: '100%', 'box-sizing': 'border-box' }} />
      <Show when={image()}>
        {(src) => <img src={src()} alt={m('qr', { title: props.title })} width="160" height="160" style={{ display: 'block', margin: '0.5rem 0' }} />}
      </Show>
      <p role="status">{said()}</p>
      <div class="buttons" style={{ display: 'flex', 'flex-wrap': 'wrap', gap: '0.5rem' }}>
        <button type="button" style={{ 'min-height': '44px' }} onClick={() => void copy()}>{m('copy')}</button>
        <Show when={typeof navigator.share === 'function'}>
          <button type="button" class="secondary" style={{ 'min-height': '44px' }} onClick={() => void navigator.share({ title: props.title, text: props.text, url: props.url }).catch(() => undefined)}>
            {m('share')}
          </button>
        </Show>
        <Show when={props.onClose}>
          {(close) => (
            <button type="button" class="secondary" style={{ 'min-height': '44px' }} onClick={() => close()()}>{m('close')}</button>
          )}
        </Show>
      </div>
    </section>
  );
}
