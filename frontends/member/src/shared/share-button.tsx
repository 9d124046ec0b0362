import { Show, createSignal, lazy } from 'solid-js';
import { m } from './share-messages.ts';

// The card (and its QR code) comes when it is opened: a list of cards pays nothing for it.
const ShareCard = lazy(() => import('@tongxin/ui/share').then((module) => ({ default: module.ShareCard })));

/** A "share" button that opens the share card below it (issue 18: post a task or a meeting in the WeChat group). */
export function ShareButton(props: { id: string; label: string; title: string; text: string; url: string }) {
  const [open, setOpen] = createSignal(false);
  let button: HTMLButtonElement | undefined;
  return (
    <>
      <button type="button" class="secondary" ref={button} aria-expanded={open()} aria-label={props.label} style={{ 'min-height': '44px' }} onClick={() => setOpen((now) => !now)}>
        {m('share')}
      </button>
      <Show when={open()}>
        <ShareCard id={props.id} title={props.title} text={props.text} url={props.url} onClose={() => { setOpen(false); button?.focus(); }} />
      </Show>
    </>
  );
}
