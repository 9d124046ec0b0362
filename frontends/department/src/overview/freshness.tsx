import { Show } from 'solid-js';
import { m } from '../messages.ts';
import { asOfParts } from './months.ts';

/** When the figures were last brought up to date, and a warning when changes have waited longer than promised. */
export function Freshness(props: { asOf: string | null; behind: boolean }) {
  const parts = () => (props.asOf ? asOfParts(props.asOf, new Date()) : null);
  return (
    <>
      <p class="meta as-of">
        <Show when={parts()} fallback={m('asOf.never')}>
          {(p) => (p().date ? m('asOf.dated', { date: p().date!, time: p().time }) : m('asOf.today', { time: p().time }))}
        </Show>
      </p>
      <Show when={props.behind}>
        <p class="notice notice-warn" role="status">
          {m('asOf.behind')}
        </p>
      </Show>
    </>
  );
}
