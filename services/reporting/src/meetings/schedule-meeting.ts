import { inOrgScope, type Tx } from '@tongxin/db';
import { orgNotFound } from '@tongxin/trpc';
import { eq } from 'drizzle-orm';
import { meetings } from '../schema.ts';
import type { ScheduleMeetingInput } from './meeting-input.ts';
import { latestReportDeadline } from './meeting-window.ts';
import { orgPathFromMembers } from './org-path-from-members.ts';
import { DomainError, badField } from '@tongxin/errors';

interface Actor {
  tenantId: string;
  userId: string;
  /** The secretary's orgs; null for the department. */
  orgIds: readonly string[] | null;
  now: Date;
}

/**
 * Schedules a meeting for an org in the caller's scope. A retry with the same key returns the
 * first meeting. The org's path, which files the meeting in the lists and attendance reports
 * of every level above, is read from reporting's copy of roster's members, never taken from
 * the client (issue 13: a branch secretary filed a meeting under a sibling branch). An org
 * the caller cannot see a member of is NOT_FOUND (another branch's, another county's).
 */
export async function scheduleMeeting(tx: Tx, actor: Actor, input: ScheduleMeetingInput): Promise<{ meetingId: string }> {
  const [prior] = await tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.idempotencyKey, input.idempotencyKey));
  if (prior) return { meetingId: prior.id };

  const orgPath = await orgPathFromMembers(tx, input.orgId);
  if (!orgPath) {
    if (actor.orgIds === null || actor.orgIds.includes(input.orgId)) throw badField('orgId', 'org_has_no_members');
    throw orgNotFound();
  }
  if (!inOrgScope(orgPath, actor.orgIds)) throw orgNotFound();
  if (input.startsAt < actor.now) throw badField('startsAt', 'in_past');

  const reportDeadline = input.reportDeadline ?? latestReportDeadline(input.endsAt);
  const [row] = await tx
    .insert(meetings)
    .values({
      tenantId: actor.tenantId, orgId: input.orgId, orgPath, kind: input.kind, title: input.title,
      agenda: input.agenda ?? null, mode: input.mode, location: input.location ?? null, onlineLink: input.onlineLink ?? null,
      startsAt: input.startsAt, endsAt: input.endsAt, reportDeadline, createdBy: actor.userId,
      idempotencyKey: input.idempotencyKey, createdAt: actor.now,
    })
    // Two concurrent retries: the loser's insert does nothing and it reads the winner's row.
    .onConflictDoNothing({ target: [meetings.tenantId, meetings.idempotencyKey] })
    .returning({ id: meetings.id });
  if (row) return { meetingId: row.id };
  const [winner] = await tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.idempotencyKey, input.idempotencyKey));
  if (!winner) throw new DomainError('idempotency_key_reused', { message: 'That idempotency key is already used' });
  return { meetingId: winner.id };
}

