import { chinaMonth } from '@tongxin/calendar';
import type { Tx } from '@tongxin/db';
import { badField } from '@tongxin/errors';
import type { DuesBand, DuesSchedule } from '@tongxin/ledger';
import type { Caller } from '@tongxin/trpc';
import { findSubjectToDecide } from '../mobility/find-subject.ts';
import { duesMembers } from '../schema.ts';

export interface SetMemberDuesInput {
  memberId: string;
  schedule: DuesSchedule;
  band: DuesBand;
  monthlyDueFen: number;
  /** YYYY-MM; the month it is first set when omitted, kept as it was on a later change. */
  dueFrom?: string | undefined;
}

export type MemberDuesSettings = typeof duesMembers.$inferSelect;

/**
 * The home secretary (or the department) sets a member's schedule, declared income band and
 * the monthly amount due (prefilled in the form from the county's table; the secretary's
 * figure is what counts). Not for oneself, nor for someone only the level above decides about.
 * Setting the same values again changes nothing, so a retry needs no key.
 */
export async function setMemberDues(tx: Tx, caller: Caller, input: SetMemberDuesInput, now: Date): Promise<MemberDuesSettings> {
  const { member } = await findSubjectToDecide(tx, caller, input.memberId);
  if (input.dueFrom && input.dueFrom > chinaMonth(now)) throw badField('dueFrom', 'future_month');
  const values = { schedule: input.schedule, band: input.band, monthlyDueFen: input.monthlyDueFen, setBy: caller.userId, setAt: now };
  const [row] = await tx
    .insert(duesMembers)
    .values({ tenantId: member.tenantId, memberId: member.id, dueFrom: input.dueFrom ?? chinaMonth(now), ...values })
    .onConflictDoUpdate({ target: [duesMembers.tenantId, duesMembers.memberId], set: input.dueFrom ? { ...values, dueFrom: input.dueFrom } : values })
    .returning();
  return row!;
}
