import { For, Show, createResource } from 'solid-js';
import { format } from '@tongxin/i18n';
import { GRADES, scoringApi } from '../scoring-api.ts';
import { gradeText, t } from './messages.ts';

type Graded = Exclude<(typeof GRADES)[number], 'unqualified'>;

/** The county's thresholds for each grade, folded away: what a proposal is measured against. */
export function EvaluationStandards() {
  const [rules] = createResource(() => scoringApi.rules.list.query());
  return (
    <Show when={rules.latest}>
      {(r) => (
        <details style={{ margin: '0 0 0.75rem' }}>
          <summary>{t('standards')}</summary>
          <ul>
            <For each={GRADES.filter((g): g is Graded => g !== 'unqualified')}>
              {(g) => <li>{t('standard', { grade: gradeText(g), points: format(r().thresholds[g].points), reports: format(r().thresholds[g].reports) })}</li>}
            </For>
            <li>{t('standardMeeting')}</li>
          </ul>
        </details>
      )}
    </Show>
  );
}
