import { outboxRow, type Database } from '@tongxin/db';
import { TOPICS } from '@tongxin/events';
import { reportingSchema } from '@tongxin/reporting';
import { sql } from 'drizzle-orm';
import { lastMonth, reporters, SUMMARIES } from './seed-reporting.ts';

const HOUR = 3_600_000;

/** A stable small number per member, so a second seed makes the same history. */
const spread = (memberId: string) => parseInt(memberId.replace(/-/g, '').slice(-6), 16);

/**
 * The demo's year so far, so the annual evaluation has something to weigh: monthly reports
 * from January to the month before last (most members report most months: some every month,
 * some miss one in ten, two or three), and the Spring Festival meeting of each branch, which
 * the members at home and most of the mobile members came back for (brief: the yearly
 * in-person meeting). Each with its outbox event, as sending it would have written: the
 * relay turns them into points at the first start. Returns [reports, attendances].
 */
export async function seedYearHistory(database: Database, tenantId: string, now: Date): Promise<[number, number]> {
  const db = database.system;
  const last = lastMonth(now);
  const year = Number(last.slice(0, 4));
  const months = Array.from({ length: Number(last.slice(5, 7)) - 1 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  const members = await reporters(database, tenantId, now);

  let reports = 0;
  for (const [m, period] of months.entries()) {
    const rows = members
      .filter((member) => (spread(member.member_id) + m) % 10 >= spread(member.member_id) % 4)
      .map((member, i) => {
        const submittedAt = new Date(`${period}-25T04:00:00Z`);
        return {
          tenantId, id: crypto.randomUUID(), userId: `seed:${member.member_id}`, memberId: member.member_id, period,
          summary: SUMMARIES[(i + m) % SUMMARIES.length]!, ledgerChange: 'unchanged' as const, helpWanted: false,
          acknowledgedAt: new Date(submittedAt.getTime() + 48 * HOUR), acknowledgedBy: 'seed', submittedAt, updatedAt: submittedAt,
        };
      });
    for (let i = 0; i < rows.length; i += 500) {
      const slice = rows.slice(i, i + 500);
      const inserted = new Set((await db.insert(reportingSchema.monthlyReports).values(slice).onConflictDoNothing()
        .returning({ id: reportingSchema.monthlyReports.id })).map((r) => r.id));
      const fresh = slice.filter((r) => inserted.has(r.id));
      if (fresh.length === 0) continue;
      reports += fresh.length;
      await db.insert(reportingSchema.monthlyReportVersions).values(fresh.map((r) => ({
        tenantId, reportId: r.id, version: 1, at: r.submittedAt, content: { period, summary: r.summary, ledgerChange: r.ledgerChange, helpWanted: false },
      })));
      await db.insert(reportingSchema.outbox).values(fresh.map((r) => ({
        ...outboxRow(tenantId, TOPICS.reporting.monthlyReportSubmitted, { reportId: r.id, memberId: r.memberId, userId: r.userId, period, ledgerUnchanged: true }),
        createdAt: r.submittedAt,
      })));
    }
  }
  return [reports, await seedSpringFestivalMeetings(database, tenantId, year, new Set(members.map((m) => m.member_id)))];
}

/** One in-person meeting per branch in February; residents and 7 in 10 reporting mobile members attend. */
async function seedSpringFestivalMeetings(database: Database, tenantId: string, year: number, reporting: Set<string>): Promise<number> {
  const db = database.system;
  const branches = (await db.execute(sql`
    select id, path from roster.orgs where tenant_id = ${tenantId} and kind in ('branch', 'mobile_branch') and closed_at is null`)).rows as { id: string; path: string }[];
  const startsAt = new Date(`${year}-02-20T01:00:00Z`);
  let attended = 0;
  for (const branch of branches) {
    const [meeting] = await db.insert(reportingSchema.meetings).values({
      tenantId, orgId: branch.id, orgPath: branch.path, kind: 'members_meeting', title: `${year}年春节返乡党员座谈会`, mode: 'in_person',
      location: '村党员活动室', startsAt, endsAt: new Date(startsAt.getTime() + 2 * HOUR), reportDeadline: new Date(startsAt.getTime() + 72 * HOUR),
      createdBy: 'seed', idempotencyKey: `seed:spring:${year}:${branch.id}`,
    }).onConflictDoNothing().returning({ id: reportingSchema.meetings.id });
    if (!meeting) continue;
    const members = (await db.execute(sql`
      select member_id, user_id, status from reporting.members where tenant_id = ${tenantId} and branch_id = ${branch.id} and user_id is null`)).rows as { member_id: string; status: string }[];
    const present = members.filter((m) => m.status === 'resident' || (reporting.has(m.member_id) && spread(m.member_id) % 10 < 7));
    if (present.length === 0) continue;
    await db.insert(reportingSchema.attendance).values(present.map((m) => ({
      tenantId, meetingId: meeting.id, memberId: m.member_id, response: 'in_person' as const, attendance: 'in_person' as const, recordedBy: 'seed', updatedAt: startsAt,
    })));
    await db.insert(reportingSchema.outbox).values(present.map((m) => ({
      ...outboxRow(tenantId, TOPICS.reporting.meetingAttended, {
        meetingId: meeting.id, memberId: m.member_id, userId: null, attendance: 'in_person', kind: 'members_meeting', startsAt: startsAt.toISOString(),
      }),
      createdAt: new Date(startsAt.getTime() + 3 * HOUR),
    })));
    attended += present.length;
  }
  return attended;
}
