import type { Tx } from '@tongxin/db';
import { type Caller } from '@tongxin/trpc';
import { and, eq, sql } from 'drizzle-orm';
import { changeMember } from '../ledger/change-member.ts';
import { refuseDecidingAboutMember } from '../members/refuse-deciding-about-member.ts';
import { members, orgs, placementProposals } from '../schema.ts';
import { widenOrgScope } from './widen-org-scope.ts';
import { DomainError, badField } from '@tongxin/errors';

export type PlacementStatus = 'pending' | 'confirmed' | 'dismissed';

export interface PlacementRow {
  id: string;
  memberId: string;
  name: string;
  fromBranch: string;
  toBranchId: string | null;
  toBranch: string | null;
  awaySince: string;
  status: PlacementStatus;
  proposedAt: Date;
  note: string | null;
}

/** Proposals RLS lets the caller see (those about members they see), newest first. */
export async function listPlacements(tx: Tx, status: PlacementStatus | undefined): Promise<PlacementRow[]> {
  const withStatus = status ? sql`and p.status = ${status}` : sql``;
  const result = await tx.execute(sql`
    select p.id, p.member_id as "memberId", m.name, fb.name as "fromBranch", p.to_branch_id as "toBranchId",
           tb.name as "toBranch", p.away_since::text as "awaySince", p.status, p.proposed_at as "proposedAt", p.note
    from roster.placement_proposals p
    join roster.members m on m.tenant_id = p.tenant_id and m.id = p.member_id
    join roster.orgs fb on fb.tenant_id = p.tenant_id and fb.id = p.from_branch_id
    left join roster.orgs tb on tb.tenant_id = p.tenant_id and tb.id = p.to_branch_id
    where true ${withStatus}
    order by p.proposed_at desc, m.name
    limit 500`);
  return result.rows as unknown as PlacementRow[];
}

/**
 * A secretary's (or the department's) decision on a proposal. Confirming moves the member
 * into the mobile-member branch as version 'placed' (old and new branch in the diff).
 * Deciding again the same way answers as before (a retried click).
 */
export async function decidePlacement(
  tx: Tx,
  caller: Caller,
  input: { proposalId: string; decision: 'confirm' | 'dismiss'; note?: string | undefined },
  now: Date,
): Promise<{ status: PlacementStatus }> {
  const [proposal] = await tx
    .select()
    .from(placementProposals)
    .where(and(eq(placementProposals.tenantId, caller.tenantId), eq(placementProposals.id, input.proposalId)))
    .for('update');
  if (!proposal) throw new DomainError('proposal_not_found', { message: 'No such proposal in your scope' });
  const status: PlacementStatus = input.decision === 'confirm' ? 'confirmed' : 'dismissed';
  if (proposal.status === status) return { status };
  if (proposal.status !== 'pending') throw badField('proposalId', 'already_decided', { status: proposal.status });
  const [member] = await tx.select().from(members).where(and(eq(members.tenantId, caller.tenantId), eq(members.id, proposal.memberId)));
  // Confirmed or dismissed, a placement is decided about the member: never by themself (issue 13 C).
  if (member) await refuseDecidingAboutMember(tx, caller, member);

  if (input.decision === 'confirm') {
    if (!proposal.toBranchId) throw badField('proposalId', 'no_mobile_branch');
    if (!member || member.branchId !== proposal.fromBranchId) throw badField('proposalId', 'member_moved');
    const [target] = await tx.select().from(orgs).where(and(eq(orgs.tenantId, caller.tenantId), eq(orgs.id, proposal.toBranchId)));
    if (!target || target.closedAt) throw badField('proposalId', 'branch_closed');
    await widenOrgScope(tx, caller, [target.id]);
    await changeMember(tx, caller.tenantId, member.id, {
      action: 'placed',
      set: { branchId: target.id, orgPath: target.path },
      actor: { userId: caller.userId, role: caller.department ? 'department' : 'secretary' },
      now,
      idempotencyKey: `placement-${proposal.id}`,
    });
  }
  await tx
    .update(placementProposals)
    .set({ status, decidedAt: now, decidedBy: caller.userId, note: input.note ?? proposal.note })
    .where(and(eq(placementProposals.tenantId, caller.tenantId), eq(placementProposals.id, proposal.id)));
  return { status };
}
