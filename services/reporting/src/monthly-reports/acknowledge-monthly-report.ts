import type { Tx } from '@tongxin/db';
import { refuseDecidingAboutOneself } from '@tongxin/trpc';
import { and, eq } from 'drizzle-orm';
import { notify } from '../notifications/notify.ts';
import { members, monthlyReports } from '../schema.ts';
import { lockReport } from './lock-report.ts';

/**
 * Acknowledges a report (once: a second acknowledgement keeps the first) and tells the member.
 * Nobody acknowledges their own report (a secretary who is also a member): FORBIDDEN, the
 * level above does.
 */
export async function acknowledgeMonthlyReport(
  tx: Tx, tenantId: string, actorUserId: string, input: { reportId: string; comment?: string | undefined }, now: Date,
): Promise<{ id: string; acknowledgedAt: Date }> {
  const report = await lockReport(tx, tenantId, input.reportId);
  const [member] = report.memberId
    ? await tx.select({ userId: members.userId }).from(members).where(and(eq(members.tenantId, tenantId), eq(members.memberId, report.memberId)))
    : [];
  refuseDecidingAboutOneself(actorUserId, member?.userId ?? report.userId);
  if (report.acknowledgedAt) return { id: report.id, acknowledgedAt: report.acknowledgedAt };
  await tx
    .update(monthlyReports)
    .set({ acknowledgedAt: now, acknowledgedBy: actorUserId, ...(input.comment ? { comment: input.comment } : {}), updatedAt: now })
    .where(and(eq(monthlyReports.tenantId, tenantId), eq(monthlyReports.id, report.id)));
  await notify(tx, {
    tenantId,
    userId: report.userId,
    kind: 'acknowledgement',
    title: `${report.period} 月报已阅`,
    body: input.comment ?? null,
    subject: { type: 'monthly_report', id: report.id },
    dedupeKey: `ack:${report.id}`,
  });
  return { id: report.id, acknowledgedAt: now };
}
