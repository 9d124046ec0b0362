// The department view's layout rules, scoped under `.department`; the page-wide basics come
// from @tongxin/ui/styles.css (loaded by the shell).
const css = `
.department .sub-nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; list-style: none; margin: 0 0 1rem; padding: 0 0 0.5rem; border-bottom: 1px solid var(--color-border); }
.department .sub-nav a { display: inline-block; padding: 0.3rem 0; }
.department .sub-nav a[aria-current="page"] { font-weight: 700; }
.department h1:focus, .department h2:focus { outline: none; }
.department h1:focus-visible, .department h2:focus-visible { outline: 3px solid var(--color-focus); }
.department h2 { font-size: 1.15rem; margin: 1.25rem 0 0.5rem; }
.department .meta { color: var(--color-muted); }
.department .notice-warn { background: #fff4d6; color: #6b4800; border: 1px solid #b07d00; }
.department .notice-good { background: #e6f4ea; color: #1e5b2c; border: 1px solid #2e7d32; }
.department .form-buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
.department .link-list { list-style: none; margin: 0.5rem 0; padding: 0; display: grid; gap: 0.5rem; }
.department .link-list a { display: inline-block; padding: 0.3rem 0; font-weight: 600; }
.department .check { display: flex; gap: 0.5rem; align-items: flex-start; min-height: 2.75rem; padding: 0.4rem 0; }
.department .check input { width: 1.2rem; height: 1.2rem; margin: 0.2rem 0 0; flex: none; }
.department .overview-status { margin-top: 1rem; }
.department .steps { list-style: none; counter-reset: step; margin: 0 0 1rem; padding: 0; display: grid; gap: 0.25rem; }
.department .steps li { counter-increment: step; display: flex; gap: 0.5rem; align-items: baseline; }
.department .steps li::before { content: counter(step) "."; min-width: 1.4rem; color: var(--color-muted); }
.department .steps a { padding: 0.25rem 0; overflow-wrap: anywhere; }
.department .steps a[aria-current="step"] { font-weight: 700; }
.department .steps .done { color: #1e5b2c; white-space: nowrap; }
.department .steps .done::before { content: "✓ "; }
.department .progress { margin: 0 0 0.5rem; }
.department .progress-bar { height: 0.5rem; background: var(--color-border); border-radius: 2px; overflow: hidden; margin-bottom: 1rem; max-width: 24rem; }
.department .progress-bar span { display: block; height: 100%; background: var(--color-brand); }
.department .step-body { border-top: 1px solid var(--color-border); padding-top: 0.25rem; }
.department .step-nav { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.5rem; margin-top: 1.5rem; }
.department .step-nav a { padding: 0.4rem 0; }
.department .checklist { margin: 0.25rem 0 1rem; padding-left: 1.2rem; }
.department .checklist li { margin-bottom: 0.4rem; overflow-wrap: anywhere; }
.department .table-scroll td { white-space: nowrap; }
.department fieldset { border: 1px solid var(--color-border); border-radius: 4px; padding: 0.5rem 0.75rem 0.75rem; margin: 0; min-width: 0; display: grid; gap: 0.75rem; }
.department legend { font-weight: 600; padding: 0 0.25rem; }
.department .field .meta { margin: 0; font-size: 0.9rem; }
.department .deliveries { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.5rem; }
.department .deliveries li { border-bottom: 1px solid var(--color-border); padding-bottom: 0.4rem; display: flex; flex-wrap: wrap; gap: 0.1rem 0.75rem; }
.department .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.department .breadcrumb ol { display: flex; flex-wrap: wrap; gap: 0.25rem; list-style: none; margin: 0 0 0.75rem; padding: 0; }
.department .breadcrumb li + li::before { content: "›"; margin-right: 0.25rem; color: var(--color-muted); }
.department .breadcrumb a { display: inline-block; padding: 0.3rem 0; }
.department .period { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: end; margin: 0.5rem 0; }
.department .period .field { margin: 0; min-width: 9rem; }
.department .figures-links { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
.department .figures-links a { display: inline-block; padding: 0.3rem 0; }
.department .as-of { margin: 0.25rem 0 0.75rem; }
.department .figure-cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: 0.75rem; list-style: none; margin: 0; padding: 0; }
.department .figure-card { border: 1px solid var(--color-border); border-radius: 4px; padding: 0.75rem; display: flex; flex-direction: column; gap: 0.15rem; min-width: 0; }
.department .figure-card .count { font-size: 1.6rem; font-weight: 700; color: var(--color-brand); }
.department .figure-card .count a { display: inline-block; min-height: 2.75rem; }
.department .figure-card .rate { font-weight: 600; }
.department .figure-details { list-style: none; margin: 0.25rem 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0 0.75rem; }
.department .grades th, .department .grades td { padding: 0.2rem 0.4rem; }
.department .num { text-align: right; font-variant-numeric: tabular-nums; }
.department h3 { font-size: 1rem; margin: 1rem 0 0.5rem; }
.department .chart-pair-body { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.5rem 1rem; align-items: start; }
@media (min-width: 60rem) { .department .chart-pair-body { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); } }
.department .chart { width: 100%; min-width: 0; }
.department .data-table { min-width: 0; }
.department .data-table td, .department .data-table th { white-space: nowrap; }
.department .export { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 0.5rem 0 1rem; }
.department .export .notice { flex-basis: 100%; }
@media (prefers-reduced-motion: reduce) { .department * { transition: none !important; animation: none !important; } }
`;

export function DepartmentStyles() {
  return <style>{css}</style>;
}
