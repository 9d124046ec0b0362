import { For, Show } from 'solid-js';
import { m } from './messages.ts';
import { hrefOf, navigate, page, type Page } from './route.ts';

const sections: readonly { to: Page; label: Parameters<typeof m>[0] }[] = [
  { to: 'ledger', label: 'nav.ledger' },
  { to: 'report', label: 'nav.report' },
  { to: 'checkin', label: 'nav.checkin' },
  { to: 'meetings', label: 'nav.meetings' },
  { to: 'suggestions', label: 'nav.suggestions' },
  { to: 'inbox', label: 'nav.inbox' },
];

// Two or three rows of large tap targets on a 360-px phone; inline because remotes bring no CSS.
const css = `
.member-nav ul { display: grid; grid-template-columns: repeat(auto-fill, minmax(6.5rem, 1fr)); gap: 0.4rem; list-style: none; margin: 0 0 1rem; padding: 0; }
.member-nav a { display: flex; align-items: center; justify-content: center; gap: 0.3rem; min-height: 2.75rem; padding: 0.25rem 0.5rem; border: 1px solid var(--color-border); border-radius: 4px; text-decoration: none; text-align: center; }
.member-nav a[aria-current="page"] { background: var(--color-brand); border-color: var(--color-brand); color: #fff; font-weight: 700; }
.member-nav .unread { min-width: 1.4rem; padding: 0 0.35rem; border-radius: 0.7rem; background: var(--color-brand); color: #fff; font-size: 0.85rem; line-height: 1.4rem; }
.member-nav a[aria-current="page"] .unread { background: #fff; color: var(--color-brand); }
.member-nav .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.member-view h1:focus, .member-view h2:focus { outline: none; }
.member-view h1:focus-visible, .member-view h2:focus-visible { outline: 3px solid var(--color-focus); }
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
                      <span class="unread" aria-hidden="true">{count()}</span>
                      <span class="sr-only">{m('nav.unread', { count: count() })}</span>
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
