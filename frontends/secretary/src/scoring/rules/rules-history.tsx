import { For, Show, createResource } from 'solid-js';
import { ResourceList } from '@tongxin/ui';
import { say } from '../points/messages.ts';
import type { RuleChange } from '../scoring-api.ts';
import { scoringApi } from '../scoring-api.ts';
import { formatChinaTime } from '../../shared/china-time.ts';
import { t, type RulesMessageKey } from './messages.ts';

const LABELS: Record<string, RulesMessageKey> = {
  points: 'points',
  monthlyCap: 'cap',
};

/** "field: before → after" lines of one change, for the values that differ (nested objects flattened). */
function changedLines(change: RuleChange): string[] {
  const flat = (value: unknown, prefix = ''): Record<string, unknown> => {
    if (value === null || typeof value !== 'object') return prefix ? { [prefix]: value } : {};
    return Object.entries(value as Record<string, unknown>).reduce<Record<string, unknown>>(
      (all, [key, inner]) => ({ ...all, ...flat(inner, prefix ? `${prefix}.${key}` : key) }),
      {},
    );
  };
  const before = flat(change.before);
  const after = flat(change.after);
  const shown = (value: unknown) => (value === null || value === undefined ? t('none') : String(value));
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((key) => before[key] !== after[key])
    .map((key) => t('change', { what: whatOf(key), before: shown(before[key]), after: shown(after[key]) }));
}

function whatOf(key: string): string {
  const [level, field] = key.split('.');
  if (field && (level === 'excellent' || level === 'qualified' || level === 'basic')) {
    const grade = t(`grade.${level}` as RulesMessageKey);
    return field === 'points' ? t('thresholdPoints', { grade }) : t('thresholdReports', { grade });
  }
  return LABELS[key] ? t(LABELS[key]) : key;
}

const subjectOf = (subject: string) => (subject === 'thresholds' ? t('thresholds') : say('activity', subject));

/** Who changed which rule when, from what to what, and why (the department's record). */
export function RulesHistory(props: { version: number }) {
  const [history, { refetch }] = createResource(() => props.version, () => scoringApi.rules.history.query());
  return (
    <section aria-labelledby="rules-history-title">
      <h2 id="rules-history-title">{t('historyTitle')}</h2>
      <ResourceList resource={history} onRetry={refetch} empty={t('historyEmpty')}>
        {(rows) => (
          <ol class="history" aria-busy={history.loading}>
            <For each={rows()}>
              {(change) => (
                <li>
                  <p class="history-head">{t('historyEntry', { at: formatChinaTime(change.at), by: change.byName ?? '', subject: subjectOf(change.subject) })}</p>
                  <ul>
                    <For each={changedLines(change)}>{(line) => <li>{line}</li>}</For>
                  </ul>
                  <Show when={change.reason}>
                    <p class="meta" style={{ margin: 0 }}>{t('historyReason', { reason: change.reason })}</p>
                  </Show>
                </li>
              )}
            </For>
          </ol>
        )}
      </ResourceList>
    </section>
  );
}
