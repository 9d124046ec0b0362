import type { Tx } from '@tongxin/db';
import { refuseDecidingAboutOneself } from '@tongxin/trpc';
import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { members, monthlyReports } from '../schema.ts';
import { notifyUser } from './notify-member.ts';

// The secretary's side of a report: acknowledge it (which ends editing) or reply to it.
// Both land in the member's inbox (brief: "the member sees the reply").

async function lockReport(tx: Tx, tenantId: string, reportId: string) {
  // RLS shows a staff caller only reports of members in their subtree.
  const [report] = await tx
    .select({ id: monthlyReports.id, userId: monthlyReports.userId, memberId: monthlyReports.memberId, period: monthlyReports.period, acknowledgedAt: monthlyReports.acknowledgedAt })
    .from(monthlyReports)
    .where(and(eq(monthlyReports.tenantId, tenantId), eq(monthlyReports.id, reportId)))
    .for('update');
  if (!report) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such report in your scope' });
  return report;
}

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
  await notifyUser(tx, tenantId, {
    userId: report.userId,
    kind: 'acknowledgement',
    title: `${report.period} 月报已阅`,
    body: input.comment ?? null,
    subject: { type: 'monthly_report', id: report.id },
    dedupeKey: `ack:${report.id}`,
  });
  return { id: report.id, acknowledgedAt: now };
}

/** The secretary's reply, shown on the report and sent to the member's inbox (once per text). */
export async function commentOnMonthlyReport(tx: Tx, tenantId: string, input: { reportId: string; comment: string }, now: Date): Promise<{ id: string }> {
  const report = await lockReport(tx, tenantId, input.reportId);
  await tx
    .update(monthlyReports)
    .set({ comment: input.comment, updatedAt: now })
    .where(and(eq(monthlyReports.tenantId, tenantId), eq(monthlyReports.id, report.id)));
  await notifyUser(tx, tenantId, {
    userId: report.userId,
    kind: 'reply',
    title: `${report.period} 月报有新回复`,
    body: input.comment,
    subject: { type: 'monthly_report', id: report.id },
    dedupeKey: `reply:${report.id}:${await digest(input.comment)}`,
  });
  return { id: report.id };
}

/** A short hash of the reply: a retried comment is the same message, a new text a new one. */
async function digest(text: string): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(bytes.slice(0, 12), (b) => b.toString(16).padStart(2, '0')).join('');
}
