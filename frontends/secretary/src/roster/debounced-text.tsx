import { Show, createEffect, createSignal, on, onCleanup, untrack } from 'solid-js';

/**
 * A labelled text box that reports its value after the typing pauses (one request per
 * pause, not per key), and follows the value when the URL changes (Back/Forward).
 */
export function DebouncedText(props: { id: string; label: string; hint?: string; value: string | undefined; type?: string; onValue: (value: string | undefined) => void }) {
  const [text, setText] = createSignal(untrack(() => props.value ?? ''));
  let timer: ReturnType<typeof setTimeout> | undefined;
  createEffect(on(() => props.value, (value) => value !== (text().trim() || undefined) && setText(value ?? ''), { defer: true }));
  onCleanup(() => clearTimeout(timer));

  const report = () => {
    clearTimeout(timer);
    const value = text().trim() || undefined;
    if (value !== props.value) props.onValue(value);
  };

  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type={props.type ?? 'search'}
        value={text()}
        onInput={(event) => {
          setText(event.currentTarget.value);
          clearTimeout(timer);
          timer = setTimeout(report, 300);
        }}
        onKeyDown={(event) => event.key === 'Enter' && report()}
        aria-describedby={props.hint ? `${props.id}-hint` : undefined}
      />
      <Show when={props.hint}>
        <p id={`${props.id}-hint`} class="muted small">
          {props.hint}
        </p>
      </Show>
    </div>
  );
}
