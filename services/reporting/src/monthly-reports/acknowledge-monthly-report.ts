import { seatsIn } from '@tongxin/copies';
import type { Tx } from '@tongxin/db';
import { refuseUnlessLevelAbove, type Decider } from '@tongxin/trpc';
import { and, eq } from 'drizzle-orm';
import { notify } from '../notifications/notify.ts';
import { members, monthlyReports, orgPaths, seats } from '../schema.ts';
import { lockReport } from './lock-report.ts';

/**
 * Acknowledges a report (once: a second acknowledgement keeps the first) and tells the member.
 * Only the level above acknowledges (issue 13 C): nobody their own report, and a secretary's
 * or deputy's only the department or a seat above theirs; else FORBIDDEN.
 */
export async function acknowledgeMonthlyReport(
  tx: Tx, tenantId: string, actor: Decider, input: { reportId: string; comment?: string | undefined }, now: Date,
): Promise<{ id: string; acknowledgedAt: Date }> {
  const report = await lockReport(tx, tenantId, input.reportId);
  const [member] = report.memberId
    ? await tx.select({ userId: members.userId }).from(members).where(and(eq(members.tenantId, tenantId), eq(members.memberId, report.memberId)))
    : [];
  await refuseUnlessLevelAbove(actor, member?.userId ?? report.userId, seatsIn(tx, seats, orgPaths, tenantId));
  if (report.acknowledgedAt) return { id: report.id, acknowledgedAt: report.acknowledgedAt };
  await tx
    .update(monthlyReports)
    .set({ acknowledgedAt: now, acknowledgedBy: actor.userId, ...(input.comment ? { comment: input.comment } : {}), updatedAt: now })
    .where(and(eq(monthlyReports.tenantId, tenantId), eq(monthlyReports.id, report.id)));
  await notify(tx, {
    tenantId,
    userId: report.userId,
    kind: 'acknowledgement',
    notice: 'report_acknowledged',
    params: { period: report.period },
    body: input.comment ?? null,
    subject: { type: 'monthly_report', id: report.id },
    dedupeKey: `ack:${report.id}`,
  });
  return { id: report.id, acknowledgedAt: now };
}
