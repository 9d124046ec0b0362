import { For, Match, Show, Suspense, Switch, createResource, createSignal } from 'solid-js';
import { reporting } from '@tongxin/api-client';
import { ErrorNotice, Loading, createAction, describeError } from '@tongxin/ui';
import { formatChinaTime } from '../../shared/china-time.ts';
import { c } from '../../shared/messages.ts';
import { label, t } from './messages.ts';

const ATTENDANCE = ['in_person', 'online', 'reported', 'excused', 'absent'] as const;
type Attendance = (typeof ATTENDANCE)[number];

/**
 * One meeting's members with their response and attendance. 视同参会 ('reported') is set by
 * the server when a member reports in time; the secretary records the rest and may correct,
 * once the meeting has started (before it there is nothing to record), never at a cancelled one.
 */
export function MeetingDetail(props: { meetingId: string; onClose: () => void }) {
  const [meeting, { refetch }] = createResource(() => props.meetingId, (meetingId) => reporting.meetings.get.query({ meetingId }));
  const [changes, setChanges] = createSignal<Record<string, Attendance>>({});
  const [said, setSaid] = createSignal('');
  const record = createAction((input: { meetingId: string; entries: { memberId: string; attendance: Attendance }[] }) => reporting.meetings.recordAttendance.mutate(input));
  // The heading appears once the meeting has loaded: focus it then (once), as a new page would.
  let focused = false;
  const heading = (el: HTMLHeadingElement) => {
    if (focused) return;
    focused = true;
    queueMicrotask(() => el.focus());
  };

  // The server's reasons a meeting takes no attendance, in the secretary's language.
  const meetingProblem = () => {
    const code = record.codes().meetingId?.code;
    if (code === 'meeting_not_started') return t('notStarted');
    if (code === 'meeting_cancelled') return t('meetingCancelled');
    return record.fields().meetingId;
  };

  async function onSave() {
    const entries = Object.entries(changes()).map(([memberId, attendance]) => ({ memberId, attendance }));
    if (entries.length === 0) return;
    const done = await record.run({ meetingId: props.meetingId, entries });
    if (done) {
      setChanges({});
      setSaid(t('attendanceSaved'));
      refetch();
    }
  }

  return (
    <section class="card" aria-labelledby="meeting-detail-title" style={{ 'margin-top': '1rem' }}>
      <Suspense fallback={<Loading />}>
        <Switch>
          <Match when={meeting.error}>
            <h2 id="meeting-detail-title" tabindex="-1" ref={heading}>{t('list')}</h2>
            <ErrorNotice message={describeError(meeting.error)} onRetry={refetch} />
          </Match>
          <Match when={meeting.latest}>
            {(detail) => {
              const recordable = () => detail().manages && !detail().meeting.cancelledAt && new Date(detail().meeting.startsAt) <= new Date();
              return (
              <>
                <h2 id="meeting-detail-title" tabindex="-1" ref={heading}>
                  {t('attendanceTitle', { title: detail().meeting.title })}
                </h2>
                <p class="meta">
                  {label(`kind.${detail().meeting.kind}`)} · {formatChinaTime(detail().meeting.startsAt)} · {label(`mode.${detail().meeting.mode}`)}
                </p>
                <Show when={detail().manages && detail().meeting.cancelledAt}><p>{t('meetingCancelled')}</p></Show>
                <Show when={detail().manages && !detail().meeting.cancelledAt && !recordable()}><p>{t('attendanceLater')}</p></Show>
                <Show when={detail().roster.length > 0} fallback={<p>{t('noMembers')}</p>}>
                  <ul class="cards">
                    <For each={detail().roster}>
                      {(member) => (
                        <li class="card" data-member={member.memberId}>
                          <h3>{member.name}</h3>
                          <p class="meta">
                            {t('response')}：{member.response ? label(`response.${member.response}`) : t('noResponse')}
                          </p>
                          <p>
                            {t('attendance')}：
                            <strong>{member.attendance ? label(`attendance.${member.attendance}`) : t('notRecorded')}</strong>
                          </p>
                          <Show when={member.meetingReport}>
                            <details>
                              <summary>{t('meetingReport')}</summary>
                              <p style={{ 'white-space': 'pre-wrap' }}>{member.meetingReport}</p>
                            </details>
                          </Show>
                          {/* A meeting of an org above the caller's is read-only here: its own secretary records it. */}
                          <Show when={detail().manages && member.self}>
                            <p class="meta">{t('ownAttendance')}</p>
                          </Show>
                          <Show when={recordable() && !member.self}>
                          <div class="field">
                            <label for={`attendance-${member.memberId}`}>{t('attendanceFor', { name: member.name })}</label>
                            <select
                              id={`attendance-${member.memberId}`}
                              value={changes()[member.memberId] ?? member.attendance ?? ''}
                              onChange={(event) => setChanges({ ...changes(), [member.memberId]: event.currentTarget.value as Attendance })}
                            >
                              <option value="" disabled>{t('notRecorded')}</option>
                              <For each={ATTENDANCE}>{(kind) => <option value={kind}>{label(`attendance.${kind}`)}</option>}</For>
                            </select>
                          </div>
                          </Show>
                        </li>
                      )}
                    </For>
                  </ul>
                  <Show when={recordable()}>
                    <div class="form-buttons" style={{ 'margin-top': '0.75rem' }}>
                      <button type="button" disabled={record.pending() || Object.keys(changes()).length === 0} onClick={onSave}>
                        {record.pending() ? c('saving') : t('saveAttendance')}
                      </button>
                    </div>
                  </Show>
                  <Show when={record.error()}>
                    <ErrorNotice message={meetingProblem() ?? describeError(record.error())} />
                  </Show>
                </Show>
              </>
              );
            }}
          </Match>
        </Switch>
      </Suspense>
      <p role="status">{said()}</p>
      <div class="form-buttons">
        <button type="button" class="secondary" onClick={refetch}>{c('refresh')}</button>
        <button type="button" class="secondary" onClick={() => props.onClose()}>{c('close')}</button>
      </div>
    </section>
  );
}
