// The secretary view's own layout rules, scoped under `.secretary`. The page-wide basics
// come from @tongxin/ui/styles.css (loaded by the shell); these could move there.
const css = `
.secretary .sub-nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; list-style: none; margin: 0 0 1rem; padding: 0 0 0.5rem; border-bottom: 1px solid var(--color-border); }
.secretary .sub-nav a { display: inline-block; padding: 0.3rem 0; }
.secretary .sub-nav a[aria-current="page"] { font-weight: 700; }
/* On a phone the pages are one row that scrolls sideways (a township's 16 links took five
   rows above every page); the current one is scrolled into view (app.tsx). */
@media (max-width: 40rem) {
  .secretary .sub-nav ul { flex-wrap: nowrap; overflow-x: auto; scrollbar-width: thin; }
  .secretary .sub-nav li { flex: none; }
}
.secretary h1:focus { outline: none; }
.secretary h1:focus-visible, .secretary h2:focus-visible { outline: 3px solid var(--color-focus); }
.secretary h2 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; }
.secretary .muted { color: var(--color-muted); font-weight: normal; }
.secretary .badge { display: inline-block; padding: 0 0.4rem; border-radius: 3px; font-size: 0.85rem; white-space: nowrap; }
.secretary .badge-warn { background: #fff4d6; color: #6b4800; border: 1px solid #b07d00; }
.secretary .notice-warn { background: #fff4d6; color: #6b4800; border: 1px solid #b07d00; }
.roster-layout { display: grid; gap: 1rem; }
.roster-layout > * { min-width: 0; }
@media (min-width: 52rem) { .roster-layout { grid-template-columns: 17rem minmax(0, 1fr); align-items: start; } }
.org-panel { border: 1px solid var(--color-border); border-radius: 4px; padding: 0.5rem; }
.org-panel summary { font-weight: 600; cursor: pointer; min-height: 2rem; }
.org-tree, .org-tree ul { list-style: none; margin: 0; padding: 0; }
.org-tree ul { padding-left: 1.1rem; }
.org-row { display: flex; flex-wrap: wrap; align-items: center; gap: 0.1rem 0.4rem; padding: 0.15rem 0; }
.org-row a[aria-current="page"] { font-weight: 700; }
.org-toggle, .org-toggle-space { width: 1.8rem; min-height: 1.8rem; padding: 0; flex: none; }
.org-meta { font-size: 0.85rem; color: var(--color-muted); }
.roster-filters { min-width: 0; display: grid; grid-template-columns: repeat(auto-fit, minmax(min(11rem, 100%), 1fr)); gap: 0.5rem 1rem; align-items: end; border: 1px solid var(--color-border); border-radius: 4px; margin: 0 0 0.75rem; padding: 0.5rem 0.75rem 0.75rem; }
.roster-filters legend { font-weight: 600; padding: 0 0.25rem; }
.roster-filters .checks { display: grid; gap: 0.25rem; }
.roster-filters .checks label { display: flex; gap: 0.4rem; align-items: center; min-height: 1.8rem; }
.roster-filters .checks input { width: 1.2rem; height: 1.2rem; }
.secretary .staleness { margin: 0 0 0.5rem; }
.roster-table td:first-child, .roster-table th:first-child { position: sticky; left: 0; background: #fff; }
.roster-table th:first-child { background: var(--color-surface); }
.roster-table td { white-space: nowrap; }
.roster-table[aria-busy="true"] tbody { opacity: 0.6; }
.member-page .facts { grid-template-columns: minmax(6rem, max-content) 1fr; }
.ledger-facts dd { display: flex; flex-wrap: wrap; gap: 0.1rem 0.6rem; align-items: baseline; }
.ledger-facts .confirmed { font-size: 0.85rem; }
.secretary .id-card { font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
.secretary button.small { min-height: 2rem; padding: 0.2rem 0.6rem; font-size: 0.9rem; }
.secretary .actions { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.5rem; }
.secretary .actions > li > button { width: 100%; text-align: left; }
@media (min-width: 40rem) { .secretary .actions > li > button { width: auto; } }
.secretary .action-panel { border-left: 3px solid var(--color-brand); padding: 0.5rem 0 0.5rem 0.75rem; margin: 0.5rem 0; }
.secretary .form-buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; }
.secretary .history { margin: 0; padding-left: 1.2rem; }
.secretary .history > li { margin-bottom: 0.6rem; }
.secretary .history-head { margin: 0; color: var(--color-muted); }
.secretary .history ul { margin: 0.2rem 0 0; padding-left: 1rem; overflow-wrap: anywhere; }
.secretary .saved:empty { display: none; }
.secretary .transfer-scope { border: 0; margin: 0; padding: 0; display: grid; gap: 0.25rem; min-width: 0; }
.secretary .transfer-scope legend { font-weight: 600; padding: 0; margin-bottom: 0.25rem; }
.secretary .transfer-scope label { display: flex; gap: 0.5rem; align-items: center; min-height: 2.75rem; }
.secretary .transfer-scope input { width: 1.2rem; height: 1.2rem; margin: 0; }
.secretary select { max-width: 100%; }
`;

export function SecretaryStyles() {
  return <style>{css}</style>;
}
