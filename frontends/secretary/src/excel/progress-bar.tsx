/** A labelled progress bar whose text says the same as the bar. */
export function ProgressBar(props: { label: string; value: number; max: number; text: string }) {
  const percent = () => (props.max > 0 ? Math.round((props.value / props.max) * 100) : 0);
  return (
    <div style={{ margin: '1rem 0' }}>
      <div
        role="progressbar"
        aria-label={props.label}
        aria-valuemin={0}
        aria-valuemax={props.max}
        aria-valuenow={props.value}
        aria-valuetext={props.text}
        style={{ height: '0.75rem', border: '1px solid var(--color-border)', 'border-radius': '4px', overflow: 'hidden', background: '#fff' }}
      >
        <div style={{ height: '100%', width: `${percent()}%`, background: 'var(--color-brand)', transition: 'width 0.2s' }} />
      </div>
      <p style={{ margin: '0.25rem 0 0' }}>{props.text}</p>
    </div>
  );
}
