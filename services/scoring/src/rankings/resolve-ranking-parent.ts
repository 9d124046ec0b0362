import type { Caller } from '@tongxin/trpc';
import { inOrgScope, type Tx } from '@tongxin/db';
import { eq, isNull } from 'drizzle-orm';
import { members, orgs } from '../schema.ts';
import { comparisonParent, levelBelow, levelOfTier, type OrgNode, type RankingLevel } from './org-levels.ts';
import { DomainError } from '@tongxin/errors';

/**
 * Which comparison a caller may see — THE check before any ranking is read. Rankings are
 * aggregates over members a branch secretary or a member may not read one by one (RLS hides
 * other branches' members from them), so `rankOrgs` runs afterwards in a tenant-wide
 * transaction and returns org-level figures only: org, members, points, points per member,
 * rank. No member's name or points leave it (brief, burden rules: no public leaderboards of
 * individuals; organizations are compared as organizations).
 *
 * Who may compare the orgs under `parent`:
 * - the department: any parent in its county (none: the whole county);
 * - a secretary: a parent inside the subtree of an org they hold (their own orgs'
 *   comparisons), or the org their org is compared within (a branch secretary sees the
 *   branches of their township; a township secretary the townships of the county);
 * - a member: the org their branch is compared within (their township's branches).
 * Without a parent: the department gets the county; a secretary, for a level below an org
 * they hold, that org's subtree, for their org's own level, the comparison it is part of
 * (a level above their org: FORBIDDEN); a member, their branch's comparison.
 * Reads the orgs copy in the caller's own transaction (every org of the tenant is readable).
 */
export async function resolveRankingParent(
  tx: Tx,
  caller: Pick<Caller, 'department' | 'orgIds' | 'member' | 'userId'>,
  level: RankingLevel,
  parentId: string | undefined,
): Promise<OrgNode | null> {
  const open = await tx.select({ orgId: orgs.orgId, kind: orgs.kind, name: orgs.name, path: orgs.path }).from(orgs).where(isNull(orgs.closedAt));
  const byId = new Map(open.map((o) => [o.orgId, o]));
  const parent = parentId === undefined ? undefined : byId.get(parentId);
  if (parentId !== undefined && !parent) throw new DomainError('org_not_found', { message: 'No such organization in your county' });
  if (caller.department) return parent ?? null;

  const held = caller.orgIds.map((id) => byId.get(id)).filter((o): o is OrgNode => Boolean(o));
  const candidates: OrgNode[] = [];
  for (const org of held) {
    const compared = comparisonParent(org, byId);
    if (parent) {
      if (inOrgScope(parent.path, [org.orgId]) || parent.orgId === compared?.orgId) return parent;
    } else if (levelBelow(level, org.kind)) candidates.push(org);
    else if (levelOfTier(level, org.kind) && compared) candidates.push(compared);
  }
  if (caller.member && level !== 'township') {
    const [me] = await tx.select({ branchId: members.branchId }).from(members).where(eq(members.userId, caller.userId));
    const branch = me ? byId.get(me.branchId) : undefined;
    const compared = branch ? comparisonParent(branch, byId) : null;
    if (compared && (!parent || parent.orgId === compared.orgId)) candidates.push(compared);
  }
  const chosen = candidates[0];
  if (!chosen) throw new DomainError('not_your_org', { message: 'You may compare only the organizations around your own' });
  return chosen;
}
