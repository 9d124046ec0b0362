// Layout rules of the reporting pages, scoped under `.reporting`: lists that stay readable at
// 360 px (cards on a phone, a row per item from 40rem), toolbars that wrap.
const css = `
.reporting .toolbar { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: end; margin-bottom: 0.75rem; }
.reporting .toolbar .field { margin: 0; min-width: min(12rem, 100%); }
.reporting .cards { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.75rem; }
.reporting .card { border: 1px solid var(--color-border); border-radius: 4px; padding: 0.75rem; min-width: 0; overflow-wrap: anywhere; }
.reporting .card h2, .reporting .card h3 { margin: 0 0 0.25rem; font-size: 1.05rem; }
.reporting .card p { margin: 0.25rem 0; }
.reporting .card .form-buttons { margin-top: 0.5rem; }
.reporting .meta { color: var(--color-muted); font-size: 0.9rem; }
.reporting .badge { display: inline-block; padding: 0 0.4rem; border-radius: 3px; font-size: 0.85rem; white-space: nowrap; border: 1px solid var(--color-border); }
.reporting .badge-good { background: #e6f4ea; color: #1e5b2c; border-color: #2e7d32; }
.reporting .badge-warn { background: #fff4d6; color: #6b4800; border-color: #b07d00; }
.reporting .badge-bad { background: #fdecea; color: #8a1c12; border-color: #c62828; }
.reporting .qr { display: grid; gap: 0.5rem; justify-items: start; }
.reporting .qr img { width: min(16rem, 100%); height: auto; image-rendering: pixelated; border: 1px solid var(--color-border); }
.reporting .link-text { overflow-wrap: anywhere; font-family: monospace; font-size: 0.85rem; }
.reporting textarea { width: 100%; min-height: 4rem; font: inherit; padding: 0.4rem; }
.reporting .table-scroll td { vertical-align: top; }
.reporting .panel { border-left: 3px solid var(--color-brand); padding: 0.5rem 0 0.5rem 0.75rem; margin: 0.5rem 0; }
.reporting .rate-bar { height: 0.5rem; background: var(--color-border); border-radius: 2px; overflow: hidden; }
.reporting .rate-bar span { display: block; height: 100%; background: var(--color-brand); }
.reporting .trail ol { display: flex; flex-wrap: wrap; gap: 0.25rem 0.5rem; list-style: none; margin: 0 0 0.5rem; padding: 0; }
.reporting .trail li + li::before { content: '›'; margin-inline-end: 0.5rem; color: var(--color-muted); }
.reporting .link-button { background: none; border: 0; padding: 0.25rem 0; min-height: 2.5rem; color: var(--color-brand); text-decoration: underline; font: inherit; text-align: start; cursor: pointer; }
.reporting .pager, .reporting .pager nav { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 0.5rem 0; }
/* A table whose rows stack on a phone: each cell on its own line, labelled by its column (data-label). */
@media (max-width: 40rem) {
  .reporting .stack-table thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .reporting .stack-table tr { display: block; border: 1px solid var(--color-border); border-radius: 4px; padding: 0.5rem 0.75rem; margin-bottom: 0.5rem; }
  .reporting .stack-table th, .reporting .stack-table td { display: block; border: 0; padding: 0.15rem 0; text-align: start; }
  .reporting .stack-table td[data-label]::before { content: attr(data-label) ' '; color: var(--color-muted); }
}
`;

export function ReportingStyles() {
  return <style>{css}</style>;
}
