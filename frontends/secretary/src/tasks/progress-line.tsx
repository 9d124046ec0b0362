/** A labelled bar of a share achieved (numbers achieved against a target); the text says the same. */
export function ProgressLine(props: { label: string; value: number; max: number; text: string }) {
  const percent = () => (props.max > 0 ? Math.min(100, Math.round((props.value / props.max) * 100)) : 0);
  return (
    <div>
      <div
        class="progress"
        role="progressbar"
        aria-label={props.label}
        aria-valuemin={0}
        aria-valuemax={props.max}
        aria-valuenow={Math.min(props.value, props.max)}
        aria-valuetext={props.text}
      >
        <span style={{ width: `${percent()}%` }} />
      </div>
      <p class="meta">{props.text}</p>
    </div>
  );
}
