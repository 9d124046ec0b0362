import { inOrgScope, type Tx } from '@tongxin/db';
import { DomainError } from '@tongxin/errors';
import { and, eq, sql } from 'drizzle-orm';
import { meetings } from '../schema.ts';
import { aboveManagedMembersSql } from './org-path.ts';

export type MeetingRow = typeof meetings.$inferSelect;

function notFound(): never {
  // Another branch's or another county's meeting is simply not there (no hint it exists).
  throw new DomainError('meeting_not_found', { message: 'No such meeting' });
}

/** A meeting the caller may read under RLS (a member: their branch and its ancestors), locked when asked. */
export async function findVisibleMeeting(tx: Tx, meetingId: string, options: { lock?: boolean } = {}): Promise<MeetingRow> {
  const query = tx.select().from(meetings).where(eq(meetings.id, meetingId));
  const [meeting] = options.lock ? await query.for('update') : await query;
  return meeting ?? notFound();
}

/**
 * A meeting the secretary (orgIds) or department (null) manages; others get NOT_FOUND. Checked
 * in code as well as by RLS because a secretary who is also a member reads their own branch's
 * meetings through the member clause of meeting_scope, and reading is not managing.
 */
export async function findManagedMeeting(tx: Tx, orgIds: readonly string[] | null, meetingId: string, options: { lock?: boolean } = {}) {
  const meeting = await findVisibleMeeting(tx, meetingId, options);
  if (!inOrgScope(meeting.orgPath, orgIds)) notFound();
  return meeting;
}

/**
 * A meeting the staff caller may READ: one they manage, or one of an org above their members
 * (a branch secretary and the township's themed party day). `manages` tells which; cancelling
 * and recording attendance go through findManagedMeeting instead.
 */
export async function findReadableMeeting(tx: Tx, orgIds: readonly string[] | null, meetingId: string) {
  const meeting = await findVisibleMeeting(tx, meetingId);
  if (inOrgScope(meeting.orgPath, orgIds)) return { meeting, manages: true };
  // Explicit, not left to RLS: a secretary who is also a member reads more through the member clause.
  const [above] = await tx
    .select({ one: sql`1` })
    .from(meetings)
    .where(and(eq(meetings.tenantId, meeting.tenantId), eq(meetings.id, meeting.id), aboveManagedMembersSql(meetings.tenantId, meetings.orgPath, orgIds)));
  if (!above) notFound();
  return { meeting, manages: false };
}

/** A meeting of the member's branch or one of its ancestors (the orgs whose life they join). */
export async function findMyMeeting(tx: Tx, memberOrgPath: string, meetingId: string, options: { lock?: boolean } = {}) {
  const meeting = await findVisibleMeeting(tx, meetingId, options);
  if (!memberOrgPath.startsWith(meeting.orgPath)) notFound();
  return meeting;
}
