// The accounts page's own rules, scoped under `.accounts` (cards and badges come from the
// reporting styles); the printed sheet brings its print rules with it.
const css = `
.accounts .toolbar .check { display: flex; gap: 0.5rem; align-items: center; min-height: 2.75rem; }
.accounts .toolbar .check input { width: 1.2rem; height: 1.2rem; margin: 0; }
.accounts .branch-open { width: 100%; text-align: left; font-weight: 600; overflow-wrap: anywhere; }
.accounts .figures { display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; }
.accounts .rate-bar { margin: 0.25rem 0; }
.accounts .issue-all { margin: 0.75rem 0; }
.accounts .issue-all .meta { margin: 0.25rem 0 0; }
.accounts .warn-text { color: #6b4800; }
.accounts .warn-text::before { content: "⚠ "; }
.accounts .issued:focus { outline: none; }
.accounts .issued:focus-visible { outline: 3px solid var(--color-focus); }
.accounts .issued h2 { margin-top: 0; }
.accounts .notice-warn { background: #fff4d6; color: #6b4800; border: 1px solid #b07d00; }
.accounts .issued-list { list-style: none; margin: 0 0 0.75rem; padding: 0; display: grid; gap: 0.4rem; }
.accounts .issued-list li { display: flex; flex-wrap: wrap; gap: 0.1rem 0.75rem; align-items: baseline; border-bottom: 1px solid var(--color-border); padding-bottom: 0.3rem; overflow-wrap: anywhere; }
.accounts .activation-code { font-family: ui-monospace, Consolas, monospace; font-size: 1.1rem; font-weight: 700; letter-spacing: 0.05em; white-space: nowrap; }
.activation-sheet { margin-top: 1rem; }
.activation-sheet .sheet-heading { margin: 0.5rem 0; font-size: 1.05rem; }
.activation-sheet .sheet-heading span { display: block; font-weight: normal; font-size: 0.95rem; }
.activation-sheet .sheet-cards { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.5rem; grid-template-columns: repeat(auto-fill, minmax(min(20rem, 100%), 1fr)); }
.activation-sheet .sheet-card { display: flex; gap: 0.75rem; align-items: flex-start; border: 1px dashed #767676; border-radius: 4px; padding: 0.6rem; min-width: 0; overflow: hidden; }
.activation-sheet .sheet-card img { width: 7.5rem; height: 7.5rem; flex: none; image-rendering: pixelated; }
.activation-sheet .sheet-text { min-width: 0; overflow-wrap: anywhere; }
.activation-sheet .sheet-text p { margin: 0 0 0.2rem; }
.activation-sheet .sheet-place { font-size: 0.8rem; color: var(--color-muted); }
.activation-sheet .sheet-name { font-size: 1.2rem; font-weight: 700; }
.activation-sheet .sheet-small { font-size: 0.8rem; line-height: 1.35; }
@media (max-width: 24rem) { .activation-sheet .sheet-card img { width: 6rem; height: 6rem; } }
`;

export function AccountsStyles() {
  return <style>{css}</style>;
}
