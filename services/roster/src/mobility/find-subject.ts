import type { Tx } from '@tongxin/db';
import { type Caller } from '@tongxin/trpc';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../ledger/change-member.ts';
import { refuseDecidingAboutMember } from '../members/refuse-deciding-about-member.ts';
import { members } from '../schema.ts';
import { DomainError, badField } from '@tongxin/errors';

export type MemberRow = typeof members.$inferSelect;

/** The member an action is about, and who acts on them. */
export interface Subject {
  member: MemberRow;
  actor: Actor & { userId: string };
}

/**
 * The member named by `memberId`, or the caller themself when it is omitted. The row is
 * read through RLS, so a member outside the caller's scope is NOT_FOUND, never FORBIDDEN
 * (which would confirm it exists). A member who transferred out is closed for every action;
 * their record stays readable (`reading`).
 */
export async function findSubject(tx: Tx, caller: Caller, memberId: string | undefined, reading = false): Promise<Subject> {
  if (!memberId && !caller.member) throw badField('memberId', 'required');
  const where = memberId
    ? and(eq(members.tenantId, caller.tenantId), eq(members.id, memberId))
    : and(eq(members.tenantId, caller.tenantId), eq(members.userId, caller.userId));
  const [member] = await tx.select().from(members).where(where);
  if (!member) {
    throw memberId ? new DomainError('member_not_found', { message: 'No such member in your scope' }) : new DomainError('no_member_record', { message: 'No member record is linked to this account' });
  }
  if (member.status === 'transferred_out' && !reading) throw badField('memberId', 'member_transferred_out');
  const self = member.userId !== null && member.userId === caller.userId;
  const role = self && (!memberId || (!caller.department && caller.orgIds.length === 0)) ? 'member' : caller.department ? 'department' : 'secretary';
  return { member, actor: { userId: caller.userId, role } };
}

/**
 * The member a secretary or the department decides about (lost contact, contact attempts):
 * `findSubject`, then never the caller themself, nor someone only the level above may decide
 * about (issue 13 C). Outflows and returns are not among them: a member reports those for themself.
 */
export async function findSubjectToDecide(tx: Tx, caller: Caller, memberId: string): Promise<Subject> {
  const subject = await findSubject(tx, caller, memberId);
  await refuseDecidingAboutMember(tx, caller, subject.member);
  return subject;
}
