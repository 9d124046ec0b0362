// The city's table, scoped under `.city-view`: wide tables scroll sideways on a phone rather
// than squeezing eight figures into unreadable columns.
const css = `
.city-view .table-scroll { overflow-x: auto; max-width: 100%; }
.city-view table { border-collapse: collapse; min-width: 40rem; }
.city-view caption { text-align: left; font-weight: 700; padding: 0.5rem 0; }
.city-view th, .city-view td { padding: 0.4rem 0.6rem; border-bottom: 1px solid var(--color-border); text-align: right; white-space: nowrap; }
.city-view th:first-child, .city-view td:first-child { text-align: left; }
.city-view button.row-open { background: none; border: none; padding: 0.25rem 0; color: var(--color-brand); text-decoration: underline; cursor: pointer; font: inherit; font-weight: 600; min-height: 2.75rem; text-align: left; }
.city-view button.row-open:hover { background: none; color: var(--color-brand-dark); }
.city-view .city-controls { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; margin: 0.5rem 0 1rem; }
.city-view .grant-panel { border: 1px solid var(--color-border); padding: 0.75rem 1rem; margin: 1rem 0; max-width: 40rem; }
`;

export function CityStyles() {
  return <style>{css}</style>;
}
