import { For, Show } from 'solid-js';
import { format } from '@tongxin/i18n';
import { chinaDate } from '@tongxin/calendar';
import type { PeriodInput } from '../scoring-api.ts';
import { t } from './messages.ts';

export type Span = 'year' | 'quarter' | 'month';
export interface Period {
  year: number;
  span: Span;
  /** The quarter (1–4) or month (1–12) when the span is one. */
  part: number;
}

/** This month, in China time: the default period. */
export function currentPeriod(): Period {
  const today = chinaDate(new Date());
  return { year: Number(today.slice(0, 4)), span: 'month', part: Number(today.slice(5, 7)) };
}

export function periodInput(period: Period): PeriodInput {
  if (period.span === 'month') return { year: period.year, month: period.part };
  if (period.span === 'quarter') return { year: period.year, quarter: period.part };
  return { year: period.year };
}

/** The last few years, newest first (points start with the product; older years are empty). */
export function recentYears(count = 4): number[] {
  const year = Number(chinaDate(new Date()).slice(0, 4));
  return Array.from({ length: count }, (_, i) => year - i);
}

/** "11月" / "November": the month's name in the user's language. */
const monthName = (n: number) => format(new Date(Date.UTC(2000, n - 1, 15)), { month: 'long', timeZone: 'UTC' });

/** Year, then whole year / quarter / month, then which quarter or month: labelled selects. */
export function PeriodFields(props: { id: string; value: Period; onChange: (period: Period) => void }) {
  const set = (patch: Partial<Period>) => props.onChange({ ...props.value, ...patch });
  const thisMonth = () => Number(chinaDate(new Date()).slice(5, 7));
  return (
    <>
      <div class="field">
        <label for={`${props.id}-year`}>{t('year')}</label>
        <select id={`${props.id}-year`} value={props.value.year} onChange={(event) => set({ year: Number(event.currentTarget.value) })}>
          <For each={recentYears()}>{(year) => <option value={year}>{year}</option>}</For>
        </select>
      </div>
      <div class="field">
        <label for={`${props.id}-span`}>{t('span')}</label>
        <select
          id={`${props.id}-span`}
          value={props.value.span}
          onChange={(event) => {
            const span = event.currentTarget.value as Span;
            set({ span, part: span === 'month' ? thisMonth() : span === 'quarter' ? Math.ceil(thisMonth() / 3) : 0 });
          }}
        >
          <option value="year">{t('span.year')}</option>
          <option value="quarter">{t('span.quarter')}</option>
          <option value="month">{t('span.month')}</option>
        </select>
      </div>
      <Show when={props.value.span !== 'year'}>
        <div class="field">
          <label for={`${props.id}-part`}>{props.value.span === 'month' ? t('month') : t('quarter')}</label>
          <select id={`${props.id}-part`} value={props.value.part} onChange={(event) => set({ part: Number(event.currentTarget.value) })}>
            <For each={Array.from({ length: props.value.span === 'month' ? 12 : 4 }, (_, i) => i + 1)}>
              {(n) => <option value={n}>{props.value.span === 'month' ? monthName(n) : t('quarterN', { n })}</option>}
            </For>
          </select>
        </div>
      </Show>
    </>
  );
}
