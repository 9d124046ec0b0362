import { For, Show } from 'solid-js';
import { TREND_LENGTHS } from '@tongxin/rollups/contract';
import { m } from '../messages.ts';
import { navigate, type FiguresPage, type FiguresQuery } from '../route.ts';
import { monthChoices } from './months.ts';

/** The month (this China month and the 23 before it, no future month) and the trend's length; each change is a new address. */
export function PeriodControls(props: { page: FiguresPage; query: FiguresQuery; month: string; months: 12 | 24; trend?: boolean }) {
  const choices = monthChoices(new Date());
  const go = (change: FiguresQuery) => navigate({ name: props.page, ...props.query, ...change });
  return (
    <div class="period">
      <div class="field">
        <label for="figures-month">{m('period.month')}</label>
        <select id="figures-month" value={props.month} onChange={(event) => go({ month: event.currentTarget.value })}>
          <For each={choices}>{(month) => <option value={month}>{month}</option>}</For>
        </select>
      </div>
      <Show when={props.trend}>
        <div class="field">
          <label for="figures-months">{m('period.trend')}</label>
          <select id="figures-months" value={String(props.months)} onChange={(event) => go({ months: Number(event.currentTarget.value) === 24 ? 24 : 12 })}>
            <For each={TREND_LENGTHS}>{(n) => <option value={String(n)}>{m('period.months', { count: n })}</option>}</For>
          </select>
        </div>
      </Show>
    </div>
  );
}
