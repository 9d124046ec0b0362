import { For, Show, createResource, createSignal } from 'solid-js';
import { format } from '@tongxin/i18n';
import { ResourceList } from '@tongxin/ui';
import { formatChinaTime } from '../reporting/common/period.ts';
import { CorrectPointsForm } from './correct-points-form.tsx';
import { say, t } from './messages.ts';
import { scoringApi, type PointsEntry } from './scoring-api.ts';

/** Why an entry reads as it does: a correction's reason, or why an event earned less than its rule. */
function explain(entry: PointsEntry): string {
  if (entry.reason) return entry.reason;
  if (entry.note) return say('note', entry.note);
  return entry.capped ? t('capped') : '';
}

/** Every entry behind a member's points (source event, or author and reason), and a correction form. */
export function MemberEntries(props: { memberId: string; name: string; onClose: () => void; onCorrected: () => void }) {
  const [entries, { refetch }] = createResource(() => props.memberId, (memberId) => scoringApi.points.entries.query({ memberId }));
  const [said, setSaid] = createSignal('');
  const balance = () => (entries.latest ?? []).reduce((sum, entry) => sum + entry.points, 0);
  const signed = (points: number) => (points > 0 ? `+${format(points)}` : format(points));

  return (
    <section class="card" aria-labelledby="entries-title" style={{ 'margin-top': '1rem' }}>
      <h2 id="entries-title" tabindex="-1" ref={(el) => queueMicrotask(() => el.focus())}>{t('entriesTitle', { name: props.name })}</h2>
      <Show when={entries.latest}>
        <p><strong>{t('balance', { points: format(balance()) })}</strong></p>
      </Show>
      <ResourceList resource={entries} onRetry={refetch} empty={t('entriesEmpty')}>
        {(rows) => (
          <ol class="entries" aria-busy={entries.loading}>
            <For each={rows()}>
              {(entry) => (
                <li>
                  <p>
                    <strong class={entry.points < 0 ? 'minus' : undefined}>{signed(entry.points)}</strong>
                    {' · '}
                    {say('activity', entry.source === 'correction' ? 'correction' : entry.kind)}
                    <span class="meta"> · {formatChinaTime(entry.activityAt)}</span>
                  </p>
                  <Show when={explain(entry)}>
                    <p>{explain(entry)}</p>
                  </Show>
                  <p class="meta">{entry.source === 'correction' ? t('source.correction', { author: entry.author ?? '' }) : t('source.event')}</p>
                </li>
              )}
            </For>
          </ol>
        )}
      </ResourceList>
      <p role="status">{said()}</p>
      <CorrectPointsForm
        memberId={props.memberId}
        name={props.name}
        onDone={(text) => {
          setSaid(text);
          refetch();
          props.onCorrected();
        }}
      />
      <div class="form-buttons" style={{ 'margin-top': '0.75rem' }}>
        <button type="button" class="secondary" onClick={() => props.onClose()}>{t('closeEntries')}</button>
      </div>
    </section>
  );
}
