// The operator view's own layout rules, scoped under `.operator`; the page-wide basics come
// from @tongxin/ui/styles.css (loaded by the shell).
const css = `
.operator .sub-nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; list-style: none; margin: 0 0 1rem; padding: 0 0 0.5rem; border-bottom: 1px solid var(--color-border); }
.operator .sub-nav a { display: inline-block; padding: 0.4rem 0; }
.operator .sub-nav a[aria-current="page"] { font-weight: 700; }
.operator h1:focus { outline: none; }
.operator h2 { font-size: 1.15rem; margin: 0 0 0.75rem; }
.operator .intro { color: var(--color-muted); margin: 0 0 1rem; }
.operator .toolbar { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; margin: 0 0 1rem; }
.operator .toolbar .field { min-width: min(14rem, 100%); }
.operator .panel { border-left: 3px solid var(--color-brand); padding: 0.5rem 0 0.5rem 0.75rem; margin: 0 0 1.25rem; }
.operator .form-buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; }
.operator .hint { margin: 0; color: var(--color-muted); font-size: 0.95rem; }
.operator .status-line:empty { display: none; }
.operator .status-line { margin: 0 0 1rem; padding: 0.5rem 0.75rem; background: #eaf6ec; color: #1d5a2a; border: 1px solid #2f7a3e; border-radius: 4px; }
.operator .status-line:focus { outline: none; }
.operator .status-line:focus-visible { outline: 3px solid var(--color-focus); }
.operator .table-scroll:focus-visible { outline: 3px solid var(--color-focus); }
.operator td { vertical-align: top; }
.operator td.nowrap, .operator th { white-space: nowrap; }
.operator tbody th { font-weight: 600; background: none; vertical-align: top; }
.operator tbody th .muted { font-weight: normal; }
/* On a phone each row becomes a card: label and value per line, the actions at hand. The
   explicit ARIA roles keep it a table for screen readers whatever its CSS display. */
@media (max-width: 40rem) {
  .operator table.stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .operator table.stack, .operator table.stack tbody, .operator table.stack th, .operator table.stack td { display: block; }
  .operator table.stack tr { display: flex; flex-direction: column; }
  .operator table.stack tbody th { order: -1; }
  .operator table.stack caption { display: block; }
  .operator table.stack tr { border: 1px solid var(--color-border); border-radius: 4px; padding: 0.5rem 0.75rem; margin: 0 0 0.75rem; }
  .operator table.stack th, .operator table.stack td { border: 0; padding: 0.15rem 0; white-space: normal; }
  .operator table.stack tbody th { font-size: 1.05rem; padding-left: 0; }
  .operator table.stack td[data-label]::before { content: attr(data-label); color: var(--color-muted); }
  .operator table.stack td.actions { padding-top: 0.5rem; }
  .operator table.stack .row-actions { flex-wrap: wrap; }
}
.operator tbody th.child { font-weight: normal; padding-left: 1.5rem; }
.operator .row-actions { display: flex; flex-wrap: nowrap; gap: 0.4rem; align-items: center; }
.operator button.small { min-height: 2.25rem; padding: 0.2rem 0.7rem; font-size: 0.95rem; }
.operator .badge { display: inline-block; padding: 0 0.4rem; border-radius: 3px; font-size: 0.9rem; white-space: nowrap; border: 1px solid var(--color-border); }
.operator .badge-live, .operator .badge-active { background: #eaf6ec; color: #1d5a2a; border-color: #2f7a3e; }
.operator .badge-suspended { background: var(--color-error-bg); color: var(--color-error); border-color: var(--color-error); }
.operator .badge-preparing, .operator .badge-pending { background: #fff4d6; color: #6b4800; border-color: #b07d00; }
.operator .muted { color: var(--color-muted); }
.operator .link-box { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: stretch; }
.operator .link-box input { flex: 1 1 14rem; min-width: 0; font-family: ui-monospace, monospace; font-size: 0.9rem; padding: 0.4rem 0.5rem; border: 1px solid var(--color-border); border-radius: 4px; }
.operator select { max-width: 100%; }
`;

export function OperatorStyles() {
  return <style>{css}</style>;
}
