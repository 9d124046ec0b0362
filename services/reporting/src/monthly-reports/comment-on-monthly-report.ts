import type { Tx } from '@tongxin/db';
import { and, eq } from 'drizzle-orm';
import { notify } from '../notifications/notify.ts';
import { monthlyReports } from '../schema.ts';
import { lockReport } from './lock-report.ts';

/** The secretary's reply, shown on the report and sent to the member's inbox (once per text). */
export async function commentOnMonthlyReport(tx: Tx, tenantId: string, input: { reportId: string; comment: string }, now: Date): Promise<{ id: string }> {
  const report = await lockReport(tx, tenantId, input.reportId);
  await tx
    .update(monthlyReports)
    .set({ comment: input.comment, updatedAt: now })
    .where(and(eq(monthlyReports.tenantId, tenantId), eq(monthlyReports.id, report.id)));
  await notify(tx, {
    tenantId,
    userId: report.userId,
    kind: 'reply',
    notice: 'report_reply',
    params: { period: report.period },
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
