import { recordEvent, type Tx } from '@tongxin/db';
import { TOPICS } from '@tongxin/events';
import { sql } from 'drizzle-orm';
import type { NoticeParams } from '@tongxin/i18n/notices';
import { outbox } from '../schema.ts';
import { chinaDayOfMonth, chinaMonth, monthsEndingWith } from '@tongxin/calendar';
import { readEscalationSettings } from './escalation-settings.ts';
import { remindersOn } from '../notifications/reminder-settings.ts';

export const LOST_CONTACT_PROPOSED = TOPICS.reporting.lostContactProposed;

/** Contact results that mean the member was not reached (refused or other: they were). */
const FAILED_RESULTS = sql`('no_answer', 'unreachable')`;

export interface EscalationCounts {
  reminded: number;
  tasksCreated: number;
  proposed: number;
}

const inPeriods = (periods: string[]) => sql`(${sql.join(periods.map((p) => sql`${p}`), sql`, `)})`;

/** No monthly report from member `m` in any of `periods` (matched by member or by user id). */
const noReportIn = (periods: string[]) => sql`not exists (
  select 1 from reporting.monthly_reports r
  where r.tenant_id = m.tenant_id and r.period in ${inPeriods(periods)} and (r.member_id = m.member_id or r.user_id = m.user_id))`;

/** Members who must report monthly (mobile, or already lost contact) and have not this period. */
const owingReport = (tenantId: string, period: string) =>
  sql`m.tenant_id = ${tenantId} and m.status in ('mobile', 'lost_contact') and ${noReportIn([period])}`;

/**
 * The escalation ladder (issue 6) for the transaction's tenant, for the current China month:
 * from the reminder day an in-app reminder to each member still owing the report, from the
 * contact-task day a task for the secretaries (scope shows it to those above the member's
 * branch), and after `lostContactMonths` months without a report and a failed contact this
 * month, an event proposing 失联 — roster's secretary confirms it there.
 *
 * Every step is keyed (notification dedupe key, task per member and month, the event checked
 * against the outbox), and runs of one tenant are serialized, so running it twice a day, or
 * on two hosts at once, repeats nothing.
 */
export async function escalateTenant(tx: Tx, tenantId: string, now: Date): Promise<EscalationCounts> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('reporting.escalation'), hashtext(${tenantId}))`);
  const ladder = await readEscalationSettings(tx, tenantId);
  // 00:30 Beijing time on the 1st is still the previous month in UTC: the ladder counts Beijing days.
  const period = chinaMonth(now);
  const day = chinaDayOfMonth(now);
  const at = now.toISOString();
  const counts: EscalationCounts = { reminded: 0, tasksCreated: 0, proposed: 0 };

  if (day >= ladder.reminderDay) {
    // Reminders are not official notices: they stay in the app (brief: few, timely reminders),
    // and a member who turned them off gets none (issue 17); the contact task below stays.
    const reminded = await tx.execute(sql`
      insert into reporting.notifications (tenant_id, user_id, kind, notice, params, subject, dedupe_key, created_at)
      select m.tenant_id, m.user_id, 'reminder', 'report_reminder', ${JSON.stringify({ period } satisfies NoticeParams['report_reminder'])}::jsonb,
             jsonb_build_object('type', 'monthly_report', 'id', ${period}::text), 'remind:' || m.member_id || ':' || ${period}, ${at}::timestamptz
      from reporting.members m
      where ${owingReport(tenantId, period)} and m.user_id is not null and ${remindersOn(sql.raw('m.tenant_id'), sql.raw('m.user_id'))}
      on conflict (tenant_id, dedupe_key) do nothing
      returning 1`);
    counts.reminded = reminded.rows.length;
  }

  if (day >= ladder.contactTaskDay) {
    const created = await tx.execute(sql`
      insert into reporting.contact_tasks (tenant_id, member_id, period, created_at, updated_at)
      select m.tenant_id, m.member_id, ${period}, ${at}::timestamptz, ${at}::timestamptz
      from reporting.members m
      where ${owingReport(tenantId, period)}
      on conflict (tenant_id, member_id, period) do nothing
      returning 1`);
    counts.tasksCreated = created.rows.length;
  }

  // Members already lost contact are not proposed again; a member reached this month is not.
  const periods = monthsEndingWith(period, ladder.lostContactMonths);
  const candidates = await tx.execute(sql`
    select m.member_id, t.id as task_id
    from reporting.members m
    join reporting.contact_tasks t on t.tenant_id = m.tenant_id and t.member_id = m.member_id and t.period = ${period}
    where m.tenant_id = ${tenantId} and m.status = 'mobile'
      and t.status = 'done' and t.result in ${FAILED_RESULTS}
      and ${noReportIn(periods)}
      and not exists (
        select 1 from reporting.outbox o
        where o.tenant_id = m.tenant_id and o.topic = ${LOST_CONTACT_PROPOSED}
          and o.payload->>'memberId' = m.member_id::text and o.payload->>'period' = ${period})
    order by m.member_id`);
  for (const row of candidates.rows as { member_id: string; task_id: string }[]) {
    await recordEvent(tx, outbox, tenantId, LOST_CONTACT_PROPOSED, { memberId: row.member_id, period, periods, contactTaskId: row.task_id });
    counts.proposed++;
  }
  return counts;
}
