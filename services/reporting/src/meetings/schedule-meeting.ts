import type { Tx } from '@tongxin/db';
import { badField } from '@tongxin/trpc';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { meetings } from '../schema.ts';
import type { ScheduleMeetingInput } from './meeting-input.ts';
import { managesPath, pathIds } from './org-path.ts';

/** 视同参会's default window: a week after the meeting ends to send a meeting report. */
export const DEFAULT_REPORT_DAYS = 7;

interface Actor {
  tenantId: string;
  userId: string;
  /** The secretary's orgs; null for the department. */
  orgIds: readonly string[] | null;
  now: Date;
}

/** Schedules a meeting for an org in the caller's scope. A retry with the same key returns the first meeting. */
export async function scheduleMeeting(tx: Tx, actor: Actor, input: ScheduleMeetingInput): Promise<{ meetingId: string }> {
  const [prior] = await tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.idempotencyKey, input.idempotencyKey));
  if (prior) return { meetingId: prior.id };

  if (pathIds(input.orgPath).at(-1) !== input.orgId) throw badField('orgPath', 'must end with the org id');
  if (!managesPath(actor.orgIds, input.orgPath)) throw new TRPCError({ code: 'FORBIDDEN', message: 'That organization is not in your scope' });
  if (input.startsAt < actor.now) throw badField('startsAt', 'must not be in the past');

  const reportDeadline = input.reportDeadline ?? new Date(input.endsAt.getTime() + DEFAULT_REPORT_DAYS * 24 * 60 * 60 * 1000);
  const [row] = await tx
    .insert(meetings)
    .values({
      tenantId: actor.tenantId, orgId: input.orgId, orgPath: input.orgPath, kind: input.kind, title: input.title,
      agenda: input.agenda ?? null, mode: input.mode, location: input.location ?? null, onlineLink: input.onlineLink ?? null,
      startsAt: input.startsAt, endsAt: input.endsAt, reportDeadline, createdBy: actor.userId,
      idempotencyKey: input.idempotencyKey, createdAt: actor.now,
    })
    // Two concurrent retries: the loser's insert does nothing and it reads the winner's row.
    .onConflictDoNothing({ target: [meetings.tenantId, meetings.idempotencyKey] })
    .returning({ id: meetings.id });
  if (row) return { meetingId: row.id };
  const [winner] = await tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.idempotencyKey, input.idempotencyKey));
  if (!winner) throw new TRPCError({ code: 'CONFLICT', message: 'That idempotency key is already used' });
  return { meetingId: winner.id };
}

