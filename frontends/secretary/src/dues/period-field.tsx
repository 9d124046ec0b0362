import { For, Show } from 'solid-js';
import { MonthField } from '../shared/month-field.tsx';
import { periodWords, recentQuarters, thisMonth } from './dues-api.ts';
import { t } from './messages.ts';

/** A month (YYYY-MM) or a quarter (YYYY-Qn): the kind first, then the period. */
export function PeriodField(props: { value: string; onChange: (period: string) => void }) {
  const isQuarter = () => props.value.includes('Q');
  const toKind = (kind: string) => props.onChange(kind === 'quarter' ? recentQuarters(thisMonth(), 1)[0]! : thisMonth());
  return (
    <>
      <div class="field">
        <label for="dues-period-kind">{t('periodKind')}</label>
        <select id="dues-period-kind" value={isQuarter() ? 'quarter' : 'month'} onChange={(event) => toKind(event.currentTarget.value)}>
          <option value="month">{t('periodKind.month')}</option>
          <option value="quarter">{t('periodKind.quarter')}</option>
        </select>
      </div>
      <Show when={isQuarter()} fallback={<MonthField id="dues-month" value={props.value} onChange={props.onChange} />}>
        <div class="field">
          <label for="dues-quarter">{t('quarter')}</label>
          <select id="dues-quarter" value={props.value} onChange={(event) => props.onChange(event.currentTarget.value)}>
            <For each={recentQuarters(thisMonth())}>{(q) => <option value={q}>{periodWords(q)}</option>}</For>
          </select>
        </div>
      </Show>
    </>
  );
}
