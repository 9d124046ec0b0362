import { For, Match, Show, Suspense, Switch, createResource, createSignal } from 'solid-js';
import { reporting } from '@tongxin/api-client';
import { ErrorNotice, Loading, describeError } from '@tongxin/ui';
import { ShareButton, meetingLink, meetingShareText, shareLabel } from '@tongxin/ui/share-button';
import { formatChinaTime } from '../../shared/china-time.ts';
import { OrgSelect } from '../../shared/org-select.tsx';
import { BRANCH_KINDS, loadOrgs } from '../../shared/org-options.ts';
import { ReportingStyles } from '../../shared/reporting-styles.tsx';
import { AttendanceSummary } from './attendance-summary.tsx';
import { MeetingDetail } from './meeting-detail.tsx';
import { label, t } from './messages.ts';
import { ScheduleForm } from './schedule-form.tsx';

/** 组织生活: an org's meetings, scheduling, attendance and the yearly in-person rule. */
export default function MeetingsPage() {
  const [orgs, orgs$] = createResource(loadOrgs);
  const [picked, setPicked] = createSignal('');
  const branches = () => (orgs.error ? [] : (orgs() ?? []).filter((org) => BRANCH_KINDS.includes(org.kind)));
  // The first branch in scope is the default: most secretaries have exactly one.
  const org = () => branches().find((o) => o.id === picked()) ?? branches()[0];
  const [meetings, meetings$] = createResource(() => org()?.id, (orgId) => reporting.meetings.list.query({ orgId }));
  const [scheduling, setScheduling] = createSignal(false);
  const [openId, setOpenId] = createSignal<string | null>(null);
  const [said, setSaid] = createSignal('');

  return (
    <section class="reporting">
      <ReportingStyles />
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <Show when={orgs.error}>
        <ErrorNotice message={describeError(orgs.error)} onRetry={orgs$.refetch} />
      </Show>
      <Show when={orgs() && !orgs.error}>
        <div class="toolbar">
          <OrgSelect
            id="meetings-org"
            label={t('org')}
            orgs={orgs()!}
            value={org()?.id ?? ''}
            onChange={(id) => { setPicked(id); setOpenId(null); setScheduling(false); }}
            filter={(o) => BRANCH_KINDS.includes(o.kind)}
          />
          <Show when={org() && !scheduling()}>
            <button type="button" onClick={() => setScheduling(true)}>{t('schedule')}</button>
          </Show>
        </div>
      </Show>
      <p role="status">{said()}</p>
      <Show when={scheduling() && org()}>
        {(current) => (
          <ScheduleForm
            org={current()}
            onCancel={() => setScheduling(false)}
            onDone={(title) => {
              setScheduling(false);
              setSaid(t('scheduled', { title }));
              meetings$.refetch();
            }}
          />
        )}
      </Show>
      <Show when={org()} fallback={<Show when={orgs() && !orgs.error}><p>{t('pickOrg')}</p></Show>}>
        <h2>{t('list')}</h2>
        <Suspense fallback={<Loading />}>
          <Switch>
            <Match when={meetings.error}>
              <ErrorNotice message={describeError(meetings.error)} onRetry={meetings$.refetch} />
            </Match>
            <Match when={meetings.latest}>
              {(rows) => (
                <Show when={rows().length > 0} fallback={<p>{t('empty')}</p>}>
                  <ul class="cards" aria-busy={meetings.loading}>
                    <For each={rows()}>
                      {(meeting) => (
                        <li class="card">
                          <h3>
                            <button type="button" class="secondary" aria-label={t('open', { title: meeting.title })} onClick={() => setOpenId(meeting.meetingId)}>
                              {meeting.title}
                            </button>
                          </h3>
                          <p class="meta">
                            {label(`kind.${meeting.kind}`)} · {formatChinaTime(meeting.startsAt)} · {label(`mode.${meeting.mode}`)}
                          </p>
                          {/* An upcoming meeting can be posted in the branch's WeChat group (issue 18). */}
                          <Show when={!meeting.cancelledAt && new Date(meeting.endsAt) > new Date()}>
                            <ShareButton id={`meeting-${meeting.meetingId}`} label={shareLabel(meeting.title)} title={meeting.title} text={meetingShareText(meeting)} url={meetingLink(meeting.meetingId)} level={4} />
                          </Show>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              )}
            </Match>
          </Switch>
        </Suspense>
        <Show when={openId()} keyed>
          {(id) => <MeetingDetail meetingId={id} onClose={() => setOpenId(null)} />}
        </Show>
        <Show when={org()?.id} keyed>
          {(orgId) => <AttendanceSummary orgId={orgId} />}
        </Show>
      </Show>
    </section>
  );
}
