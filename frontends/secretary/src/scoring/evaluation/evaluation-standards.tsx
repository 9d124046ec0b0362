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
              {(g) => {
                const standard = { grade: gradeText(g), points: format(r().thresholds[g].points), reports: format(r().thresholds[g].reports) };
                // Without points counted, 优秀 is the branch's to give: nothing to state for it.
                return (
                  <Show when={r().thresholds.pointsCount || g !== 'excellent'}>
                    <li>{r().thresholds.pointsCount ? t('standardPoints', standard) : t('standard', standard)}</li>
                  </Show>
                );
              }}
            </For>
            <li>{t('standardMeeting')}</li>
            <li>{t('standardTasks')}</li>
            <Show when={!r().thresholds.pointsCount}><li>{t('standardPointsOff')}</li></Show>
            <li>{t('standardNoProposal')}</li>
          </ul>
        </details>
      )}
    </Show>
  );
}
