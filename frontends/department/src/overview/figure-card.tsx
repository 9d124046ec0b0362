import { For, Show } from 'solid-js';
import { format } from '@tongxin/i18n';
import { ViewLink } from '../links.tsx';
import { m } from '../messages.ts';
import { secretaryRoster } from '../route.ts';
import type { Card } from './cards.ts';
import { cellText } from './export-sheet.ts';
import { delta, figure, rateOf, type Figures } from './figures.ts';

/** "+3", "−2", "±0" against the month before. */
export function signed(change: number): string {
  return change > 0 ? `+${format(change)}` : change < 0 ? `−${format(-change)}` : '±0';
}

/** One figure: its value (at a branch, a link to the members behind it), its change, its rate, the figures beside it. */
export function FigureCard(props: { card: Card; label: string; figures: Figures; previous: Figures; branchId?: string }) {
  const value = () => figure(props.figures, props.card.name);
  const rate = () => (props.card.rate ? rateOf(props.figures, props.card.rate) : null);
  const href = () => (props.branchId && props.card.members ? secretaryRoster(props.branchId, props.card.members) : undefined);
  return (
    <li class="figure-card" data-figure={props.card.name}>
      <span class="figure-label">{props.label}</span>
      <span class="count">
        <Show when={href()} fallback={format(value())}>
          {(link) => (
            <ViewLink href={link()}>
              {format(value())}
              <span class="visually-hidden">{m('card.members')}</span>
            </ViewLink>
          )}
        </Show>
      </span>
      <span class="meta">{m('card.change', { change: signed(delta(props.figures, props.previous, props.card.name)) })}</span>
      <Show when={props.card.rate}>
        {(r) => <span class="rate">{m(r().label, { rate: rate() === null ? '—' : cellText({ percent: rate()! }, format) })}</span>}
      </Show>
      <Show when={props.card.details}>
        {(details) => (
          <ul class="figure-details">
            <For each={details()}>
              {(detail) => (
                <li>
                  {m(detail.label)} <strong>{format(figure(props.figures, detail.name))}</strong>
                </li>
              )}
            </For>
          </ul>
        )}
      </Show>
    </li>
  );
}
