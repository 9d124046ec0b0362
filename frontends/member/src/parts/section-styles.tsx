// Layout shared by the member's sections (lists of cards, status badges, choice rows), scoped
// under `.member-view`: remotes bring no CSS file, and the page-wide basics come from
// @tongxin/ui/styles.css. Loaded with the first section that needs it, not on the first screen.
const css = `
.member-view .muted { color: var(--color-muted); font-size: 0.9rem; font-weight: normal; }
.member-view h2 { font-size: 1.15rem; margin: 0 0 0.75rem; }
.member-view h3 { font-size: 1.05rem; margin: 1.25rem 0 0.5rem; }
.member-view .field textarea { width: 100%; min-height: 6rem; padding: 0.4rem 0.5rem; font: inherit; border: 1px solid #767676; border-radius: 4px; }
.member-view .field textarea[aria-invalid="true"] { border-color: var(--color-error); }
.member-view .counter { margin: 0; text-align: right; }
.member-view .cards { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.75rem; }
.member-view .card { border: 1px solid var(--color-border); border-radius: 6px; padding: 0.75rem; overflow-wrap: anywhere; }
.member-view .card h3 { margin: 0 0 0.25rem; font-size: 1rem; }
.member-view .card p { margin: 0.25rem 0; }
.member-view .card.unread { border-left: 4px solid var(--color-brand); }
.member-view .badge { display: inline-block; padding: 0 0.45rem; border-radius: 3px; font-size: 0.85rem; white-space: nowrap; border: 1px solid currentColor; }
.member-view .badge-ok { color: #1d5e20; background: #e9f5ea; }
.member-view .badge-wait { color: #6b4800; background: #fff4d6; }
.member-view .badge-bad { color: var(--color-error); background: var(--color-error-bg); }
.member-view .badge-off { color: var(--color-muted); background: var(--color-surface); }
.member-view .choices { border: 0; margin: 0; padding: 0; display: grid; gap: 0.5rem; }
.member-view .choices legend { font-weight: 600; padding: 0; margin-bottom: 0.25rem; }
.member-view .choice { display: flex; gap: 0.6rem; align-items: flex-start; min-height: 3rem; padding: 0.6rem 0.75rem; border: 1px solid var(--color-border); border-radius: 6px; cursor: pointer; }
.member-view .choice:has(input:checked) { border-color: var(--color-brand); background: #fbf1f1; }
.member-view .choice input { width: 1.25rem; height: 1.25rem; margin: 0.15rem 0 0; flex: none; }
.member-view .buttons { display: grid; gap: 0.5rem; }
.member-view .steps { list-style: none; margin: 0.5rem 0 0; padding: 0 0 0 0.9rem; border-left: 2px solid var(--color-border); }
.member-view .steps li { margin: 0 0 0.4rem; }
.member-view .reply { background: var(--color-surface); border-radius: 4px; padding: 0.5rem 0.75rem; margin-top: 0.5rem; }
.member-view .form { max-width: 32rem; }
.member-view [role="status"]:empty { display: none; }
`;

export function SectionStyles() {
  return <style>{css}</style>;
}
