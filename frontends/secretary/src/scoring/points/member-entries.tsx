import { For, Show, createResource, createSignal } from 'solid-js';
import { format } from '@tongxin/i18n';
import { ResourceList } from '@tongxin/ui';
import { formatChinaTime } from '../../shared/china-time.ts';
import { c, type SharedMessageKey } from '../../shared/messages.ts';
import { CorrectPointsForm } from './correct-points-form.tsx';
import { say, t } from './messages.ts';
import { scoringApi, type PointsEntry } from '../scoring-api.ts';

const signed = (points: number) => (points > 0 ? `+${format(points)}` : format(points));

/** Why an entry reads as it does: a correction's reason, or why an event earned less than its rule. */
function explain(entry: PointsEntry): string {
  if (entry.reason) return entry.reason;
  if (entry.note) return say('note', entry.note);
  if (!entry.capped) return '';
  return entry.points > 0 ? t('capped', { points: signed(entry.points) }) : t('cappedNone');
}

/**
 * The entry's activity and, when the event said it (older ones did not), what it was
 * about: 完成任务「帮村里销售冰糖橙」, a meeting's kind, a monthly report's month.
 */
function activityOf(entry: PointsEntry): string {
  if (entry.source === 'correction') return say('activity', 'correction');
  const kind = say('activity', entry.kind);
  const label = entry.label;
  if (!label) return kind;
  if (entry.kind === 'task_claimed' || entry.kind === 'task_completed') return t('label.task', { kind, title: label });
  if (entry.kind.startsWith('meeting_')) return t('label.meeting', { kind, meeting: (c(`meeting.${label}` as SharedMessageKey) ?? label) });
  const month = /^(\d{4})-(\d{2})$/.exec(label);
  if (entry.kind === 'monthly_report' && month) return t('label.report', { kind, year: month[1]!, month: Number(month[2]) });
  return kind;
}

/** Every entry behind a member's points (source event, or author and reason), and a correction form. */
export function MemberEntries(props: { memberId: string; name: string; onClose: () => void; onCorrected: () => void }) {
  const [entries, { refetch }] = createResource(() => props.memberId, (memberId) => scoringApi.points.entries.query({ memberId }));
  const [said, setSaid] = createSignal('');
  const balance = () => (entries.latest ?? []).reduce((sum, entry) => sum + entry.points, 0);

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
                    {activityOf(entry)}
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
