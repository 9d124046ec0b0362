import { Show, Suspense, createSignal, lazy } from 'solid-js';
import { m } from './share-messages.ts';

// The card (and the QR code library behind it) comes when a card is first opened: a page with a
// list of share buttons pays nothing for it until then.
const ShareCard = lazy(() => import('./share-card.tsx').then((module) => ({ default: module.ShareCard })));

/**
 * A "share" button that opens its share card below it (issue 18: a task, a meeting or a
 * check-in invitation posted in the branch's WeChat group). `label` names what is shared for
 * a screen reader. The card closes back to this button: by its close button, by Escape inside
 * it, or by the button again.
 */
export function ShareButton(props: { id: string; label: string; title: string; text: string; url: string; caption?: string; level?: 3 | 4 | 5 }) {
  const [open, setOpen] = createSignal(false);
  let button: HTMLButtonElement | undefined;
  const close = () => {
    setOpen(false);
    button?.focus();
  };
  return (
    <>
      <button type="button" class="secondary" ref={button} aria-expanded={open()} aria-label={props.label} style={{ 'min-height': '44px' }} onClick={() => setOpen((now) => !now)}>
        {props.caption ?? m('share')}
      </button>
      <Show when={open()}>
        <div onKeyDown={(event) => { if (event.key === 'Escape') { event.stopPropagation(); close(); } }}>
          <Suspense>
            <ShareCard id={props.id} title={props.title} text={props.text} url={props.url} level={props.level} onClose={close} />
          </Suspense>
        </div>
      </Show>
    </>
  );
}
