// The tasks section's own layout (photo list, picker drawn as a button, facts), scoped under
// `.member-view` and loaded with the section: remotes bring no CSS file.
const css = `
.member-view .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.member-view .task-facts { grid-template-columns: fit-content(42%) minmax(0, 1fr); gap: 0.2rem 0.75rem; margin: 0.5rem 0; }
.member-view .filters { display: grid; gap: 0.5rem; margin-bottom: 0.75rem; }
.member-view .filters select { width: 100%; min-height: 3rem; }
.member-view details > summary { cursor: pointer; padding: 0.6rem 0; }
.member-view .study p { margin: 0.25rem 0 0.5rem; }
.member-view .confirm { display: grid; gap: 0.5rem; border-left: 3px solid var(--color-brand); padding-left: 0.75rem; }
.member-view .confirm p { margin: 0; font-weight: 600; }
.member-view .completion { border-left: 3px solid var(--color-brand); padding-left: 0.75rem; margin-top: 0.75rem; max-width: none; }
.member-view .card h4 { margin: 0 0 0.25rem; font-size: 1.05rem; }
.member-view .completion h5 { margin: 0; font-size: 1rem; }
.member-view :is(.card h4, .completion h5):focus { outline: none; }
.member-view :is(.card h4, .completion h5):focus-visible { outline: 3px solid var(--color-focus); }
.member-view .reason { border-left: 3px solid var(--color-error); }
.member-view .photos { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.5rem; }
.member-view .photos li { display: flex; gap: 0.6rem; align-items: flex-start; }
.member-view .thumb { flex: none; width: 4.5rem; height: 4.5rem; object-fit: cover; border-radius: 4px; background: var(--color-surface); border: 1px solid var(--color-border); }
.member-view .photo-state { flex: 1; min-width: 0; display: grid; gap: 0.3rem; overflow-wrap: anywhere; }
.member-view .photo-state progress { width: 100%; height: 0.75rem; }
.member-view .photo-buttons { display: flex; flex-wrap: wrap; gap: 0.4rem; }
.member-view .photo-buttons button { min-height: 2.75rem; padding: 0.3rem 0.6rem; }
.member-view .sent-photos { display: flex; flex-wrap: wrap; gap: 0.4rem; }
.member-view .photo-add { position: relative; display: flex; align-items: center; justify-content: center; min-height: 3rem; border: 2px dashed var(--color-brand); border-radius: 6px; color: var(--color-brand); font-weight: 600; cursor: pointer; }
.member-view .photo-add input { position: absolute; inset: 0; width: 100%; height: 100%; opacity: 0; cursor: pointer; }
.member-view .photo-add:has(input:focus-visible) { outline: 3px solid var(--color-focus); outline-offset: 2px; }
.member-view .photo-add:has(input[aria-invalid="true"]) { border-color: var(--color-error); }
`;

export function TaskStyles() {
  return <style>{css}</style>;
}
