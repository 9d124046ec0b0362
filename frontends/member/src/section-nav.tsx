import { For, Show } from 'solid-js';
import { m } from './messages.ts';
import { hrefOf, navigate, page, type Page } from './route.ts';

const sections: readonly { to: Page; label: Parameters<typeof m>[0] }[] = [
  { to: 'ledger', label: 'nav.ledger' },
  { to: 'report', label: 'nav.report' },
  { to: 'mobility', label: 'nav.mobility' },
  { to: 'checkin', label: 'nav.checkin' },
  { to: 'certificate', label: 'nav.certificate' },
  { to: 'dues', label: 'nav.dues' },
  { to: 'meetings', label: 'nav.meetings' },
  { to: 'tasks', label: 'nav.tasks' },
  { to: 'suggestions', label: 'nav.suggestions' },
  { to: 'points', label: 'nav.points' },
  { to: 'inbox', label: 'nav.inbox' },
];

// Two rows of large tap targets on a 360-px phone; inline (remotes bring no CSS), terse
// because it is on the measured first load. <b> is the unread count, <i> its spoken form.
const css = `
.member-nav ul{display:grid;grid-template-columns:repeat(auto-fill,minmax(6.5rem,1fr));gap:.4rem;list-style:none;margin:0 0 1rem;padding:0}
.member-nav a{display:flex;align-items:center;justify-content:center;gap:.3rem;min-height:2.75rem;border:1px solid var(--color-border);border-radius:4px;text-decoration:none}
.member-nav [aria-current]{background:var(--color-brand);color:#fff;font-weight:700}
.member-nav b{min-width:1.4rem;border-radius:.7rem;background:var(--color-brand);color:#fff;font-size:.85rem;text-align:center}
.member-nav [aria-current] b{background:#fff;color:var(--color-brand)}
.member-nav i{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.member-view :is(h1,h2):focus{outline:none}.member-view :is(h1,h2):focus-visible{outline:3px solid var(--color-focus)}
`;

/** The member's sections; the inbox shows how many messages are unread once that is known. */
export function SectionNav(props: { unread: number | undefined }) {
  return (
    <nav class="member-nav" aria-label={m('nav.label')}>
      <style>{css}</style>
      <ul>
        <For each={sections}>
          {(section) => (
            <li>
              <a
                href={hrefOf(section.to)}
                aria-current={page() === section.to ? 'page' : undefined}
                onClick={(event) => {
                  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
                  event.preventDefault();
                  navigate(section.to);
                }}
              >
                {m(section.label)}
                <Show when={section.to === 'inbox' && props.unread}>
                  {(count) => (
                    <>
                      <b aria-hidden="true">{count()}</b>
                      <i>{m('nav.unread', { count: count() })}</i>
                    </>
                  )}
                </Show>
              </a>
            </li>
          )}
        </For>
      </ul>
    </nav>
  );
}
