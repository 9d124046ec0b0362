import { chinaMonth, previousMonth } from '@tongxin/calendar';
import { outboxRow, type Database } from '@tongxin/db';
import { TOPICS } from '@tongxin/events';
import { reportingSchema } from '@tongxin/reporting';
import { STALE_AFTER_DAYS } from '@tongxin/ledger';
import { sql } from 'drizzle-orm';

/**
 * Reporting's copy of a seeded county's members, as roster's events would have made it
 * (same path and status). Seeding writes every service's tables directly as the system role, in
 * bulk, instead of relaying thousands of events.
 */
export async function seedReportingMembers(database: Database, tenantId: string): Promise<void> {
  await database.system.execute(sql`
    insert into reporting.members (tenant_id, member_id, user_id, name, branch_id, org_path, status)
    select tenant_id, id, user_id, name, branch_id, org_path, status from roster.members where tenant_id = ${tenantId}
    on conflict do nothing`);
}

export const SUMMARIES = [
  '在深圳家具厂上班，参加了流动党支部的主题党日。',
  '在东莞电子厂，本月帮村里联系销售冰糖橙 30 箱。',
  '在广州做装修，介绍两位老乡到工地务工。',
  '在福州开货车，线上参加了支部党员大会。',
  '在长沙做餐饮，给村里小学捐了图书。',
];
const STUDY = ['学习党的二十届四中全会精神', '观看党课视频《永兴红色故事》', null];

/** `YYYY-MM` of the month before `now`, in China time. */
export function lastMonth(now: Date): string {
  return previousMonth(chinaMonth(now));
}

/**
 * The members who report in the demo: mobile members whose ledger is current (brief: about
 * 80% of those required report). A report saying "ledger unchanged" confirms the ledger, so
 * the members whose ledgers the seed made stale (one in five) and those who lost contact
 * are the ones who do not report: the demo keeps both its stale ledgers and its rate.
 * Members with a demo account are left out, so the demo journeys start from "not
 * reported"; the others report under a placeholder user id (`seed:<member id>`).
 */
export async function reporters(database: Database, tenantId: string, now: Date): Promise<{ member_id: string }[]> {
  const staleBefore = new Date(now.getTime() - STALE_AFTER_DAYS * 86_400_000);
  return (await database.system.execute(sql`
    select r.member_id from reporting.members r join roster.members m on m.tenant_id = r.tenant_id and m.id = r.member_id
    where r.tenant_id = ${tenantId} and r.status = 'mobile' and r.user_id is null and m.ledger_confirmed_at >= ${staleBefore.toISOString()}::timestamptz
    order by r.member_id`)).rows as { member_id: string }[];
}

/** Last month's reports for the demo, half of them acknowledged (see `reporters`). */
export async function seedDemoReports(database: Database, tenantId: string, now: Date): Promise<number> {
  const db = database.system;
  const period = lastMonth(now);
  const [counted] = (await db.execute(sql`
    select count(*)::int as required from reporting.members
    where tenant_id = ${tenantId} and status in ('mobile', 'lost_contact') and user_id is null`)).rows as { required: number }[];
  const required = counted?.required ?? 0;
  // About 80% of those required, never more (a small county may have no stale ledger).
  const reports = (await reporters(database, tenantId, now))
    .slice(0, Math.round(0.8 * required))
    .map((m, i) => {
      const submittedAt = new Date(now.getTime() - (1 + (i % 5)) * 3_600_000);
      return {
        tenantId,
        id: crypto.randomUUID(),
        userId: `seed:${m.member_id}`,
        memberId: m.member_id,
        period,
        summary: SUMMARIES[i % SUMMARIES.length]!,
        ledgerChange: 'unchanged' as const,
        study: STUDY[i % STUDY.length] ?? null,
        helpWanted: i % 11 === 0,
        acknowledgedAt: i % 2 === 0 ? now : null,
        acknowledgedBy: i % 2 === 0 ? 'seed' : null,
        submittedAt,
        updatedAt: submittedAt,
      };
    });
  let stored = 0;
  for (let i = 0; i < reports.length; i += 500) {
    const slice = reports.slice(i, i + 500);
    // A second run (the county was already seeded) finds the month reported and adds nothing.
    const inserted = new Set((await db.insert(reportingSchema.monthlyReports).values(slice).onConflictDoNothing()
      .returning({ id: reportingSchema.monthlyReports.id })).map((r) => r.id));
    stored += inserted.size;
    if (inserted.size === 0) continue;
    await db.insert(reportingSchema.monthlyReportVersions).values(slice.filter((r) => inserted.has(r.id)).map((r) => ({
      tenantId, reportId: r.id, version: 1, at: r.submittedAt,
      content: { period, summary: r.summary, ledgerChange: r.ledgerChange, study: r.study ?? undefined, helpWanted: r.helpWanted },
    })));
    // Each report's event, as submitting writes it: the relay turns them into points and
    // ledger confirmations at the first start, as it would have when they were sent.
    await db.insert(reportingSchema.outbox).values(slice.filter((r) => inserted.has(r.id)).map((r) => ({
      ...outboxRow(tenantId, TOPICS.reporting.monthlyReportSubmitted, { reportId: r.id, memberId: r.memberId, userId: r.userId, period, ledgerUnchanged: true }),
      createdAt: r.submittedAt,
    })));
  }
  return stored;
}
