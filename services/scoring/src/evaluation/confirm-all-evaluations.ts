import { seatsOfUsers } from '@tongxin/copies';
import type { Tx } from '@tongxin/db';
import { levelAboveRefusal } from '@tongxin/trpc';
import { and, eq, inArray, isNotNull, isNull, ne, or } from 'drizzle-orm';
import { evaluationChanges, evaluations, members, orgPaths, seats } from '../schema.ts';
import { memberInSubtree } from './list-evaluations.ts';
import type { Proposer } from './propose-evaluations.ts';

/**
 * 按建议全部确认: confirms, as proposed, every proposal under an org the caller holds that
 * the branch has not decided yet (a member without a proposal is left for the branch to decide) (decisions already made, overrides included, stay as they
 * are). The same right as proposing (`withOrg`): the department, or a secretary of the org or above it;
 * RLS limits the rows to the caller's members besides. Each confirmation leaves a history
 * row, as one by one would; a retry finds nothing left to confirm. A proposal the caller may
 * not decide is left for the level above (issue 13 C), as one by one: their own, and a
 * secretary's or deputy's whose every seat is not strictly below one of the caller's.
 */
export async function confirmAllEvaluations(tx: Tx, actor: Proposer & { name: string | null }, input: { year: number; org: { path: string } }, now: Date) {
  const { org } = input;
  const candidates = await tx
    .select({ memberId: evaluations.memberId, proposedGrade: evaluations.proposedGrade })
    .from(evaluations)
    .where(
      and(
        eq(evaluations.year, input.year),
        isNull(evaluations.finalGrade),
        // No proposal, nothing to confirm: the branch decides each one (issue 17).
        isNotNull(evaluations.proposedGrade),
        inArray(evaluations.memberId, tx.select({ memberId: members.memberId }).from(members).where(and(memberInSubtree(org.path), or(isNull(members.userId), ne(members.userId, actor.userId))))),
      ),
    )
    .for('update');
  const open = await decidable(tx, actor, candidates);
  if (open.length === 0) return { confirmed: 0 };
  const ids = open.map((row) => row.memberId);
  await tx
    .update(evaluations)
    .set({ finalGrade: evaluations.proposedGrade, reason: null, confirmedBy: actor.userId, confirmedByName: actor.name, confirmedAt: now })
    .where(and(eq(evaluations.year, input.year), inArray(evaluations.memberId, ids), isNull(evaluations.finalGrade)));
  await tx.insert(evaluationChanges).values(
    open.map((row) => ({
      tenantId: actor.tenantId, year: input.year, memberId: row.memberId, action: 'confirmed' as const, proposedGrade: row.proposedGrade,
      finalGrade: row.proposedGrade, reason: null, by: actor.userId, byName: actor.name, at: now,
    })),
  );
  return { confirmed: open.length };
}

/** The proposals whose member the caller is the level above of (`levelAboveRefusal`, seats read for all at once). */
async function decidable<T extends { memberId: string }>(tx: Tx, actor: Proposer, rows: T[]): Promise<T[]> {
  if (rows.length === 0) return rows;
  const users = await tx.select({ memberId: members.memberId, userId: members.userId }).from(members).where(inArray(members.memberId, rows.map((row) => row.memberId)));
  const userOf = new Map(users.map((u) => [u.memberId, u.userId]));
  const seatsOf = await seatsOfUsers(tx, seats, orgPaths, actor.tenantId, users.flatMap((u) => (u.userId ? [u.userId] : [])));
  const decider = { userId: actor.userId, orgIds: actor.orgIds, tenantWide: actor.department };
  return rows.filter((row) => {
    const userId = userOf.get(row.memberId) ?? null;
    return levelAboveRefusal(decider, { userId, seats: userId ? (seatsOf.get(userId) ?? []) : [] }) === null;
  });
}
