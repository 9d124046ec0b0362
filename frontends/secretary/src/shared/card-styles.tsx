// Layout rules the 一领 pages (tasks, review, points, evaluation, rules) add to the reporting
// pages' ones (`.reporting`): grouped form controls, photo thumbnails and progress bars that
// all stay within a 360-px screen.
const css = `
.reporting .group, .reporting .choices { border: 1px solid var(--color-border); border-radius: 4px; margin: 0; padding: 0.5rem 0.75rem 0.75rem; min-width: 0; display: grid; gap: 0.5rem; }
.reporting .choices { border: none; padding: 0; }
.reporting .group legend, .reporting .choices legend { font-weight: 600; padding: 0; }
.reporting .choices label, .reporting .check { display: flex; gap: 0.5rem; align-items: center; min-height: 2.25rem; }
.reporting .choices input, .reporting .check input { width: 1.2rem; height: 1.2rem; margin: 0; flex: none; }
.reporting .pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(9rem, 100%), 1fr)); gap: 0.5rem 1rem; }
.reporting .task-form { max-width: 36rem; }
.reporting .notice-info { background: var(--color-surface); border: 1px solid var(--color-border); border-left: 4px solid var(--color-brand); }
.reporting .photos { list-style: none; margin: 0.25rem 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(6rem, 1fr)); gap: 0.5rem; }
.reporting .photos a { display: block; }
.reporting .photos img { display: block; width: 100%; height: 6rem; object-fit: cover; border: 1px solid var(--color-border); border-radius: 3px; background: var(--color-surface); }
.reporting .progress { height: 0.6rem; background: var(--color-surface); border: 1px solid var(--color-border); border-radius: 3px; overflow: hidden; margin: 0.25rem 0; }
.reporting .progress span { display: block; height: 100%; background: var(--color-brand); }
.reporting .quote { white-space: pre-wrap; margin: 0.25rem 0; padding-left: 0.5rem; border-left: 3px solid var(--color-border); }
.reporting .numbers { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; margin: 0.25rem 0; padding: 0; list-style: none; }
.reporting .table-scroll .wrap { min-width: 6rem; }
.reporting table button { white-space: nowrap; }
.reporting .sub { display: block; font-weight: normal; }
.reporting .entries { list-style: none; margin: 0.5rem 0; padding: 0; }
.reporting .entries li { border-top: 1px solid var(--color-border); padding: 0.4rem 0; overflow-wrap: anywhere; }
.reporting .entries p { margin: 0.1rem 0; }
.reporting .entries .minus { color: var(--color-error); }
.reporting .link-button { background: none; border: none; color: var(--color-brand); text-decoration: underline; padding: 0.2rem 0; min-height: 2rem; font-weight: 600; text-align: left; }
.reporting .link-button:hover { background: none; color: var(--color-brand-dark); }
.reporting td.num, .reporting th.num { text-align: right; font-variant-numeric: tabular-nums; }
.reporting .facts { grid-template-columns: fit-content(8rem) minmax(0, 1fr); }
`;

export function CardStyles() {
  return <style>{css}</style>;
}
