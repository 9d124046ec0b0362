import type { Caller } from '@tongxin/trpc';
import type { Tx } from '@tongxin/db';
import { isNull } from 'drizzle-orm';
import { orgs } from '../schema.ts';
import { LEVEL_KINDS, levelBelow, RANKING_LEVELS, type RankingLevel } from './org-levels.ts';
import { resolveRankingParent } from './resolve-ranking-parent.ts';
import { DomainError } from '@tongxin/errors';

/**
 * The levels a caller may compare — so a view offers no level the server would refuse:
 * each level for which `resolveRankingParent` (the one rule) grants a comparison and that
 * comparison holds at least one org of the level (a branch secretary is not offered flow
 * organizations when none are around them). `parentId` is the org the view compares
 * within; it applies to the levels below it (a picked township is no parent for townships,
 * which are compared across the county without one).
 */
export async function comparableLevels(
  tx: Tx,
  caller: Pick<Caller, 'department' | 'orgIds' | 'member' | 'userId'>,
  parentId: string | undefined,
): Promise<RankingLevel[]> {
  const open = await tx.select({ orgId: orgs.orgId, kind: orgs.kind, path: orgs.path }).from(orgs).where(isNull(orgs.closedAt));
  const picked = parentId === undefined ? undefined : open.find((o) => o.orgId === parentId);
  if (parentId !== undefined && !picked) throw new DomainError('org_not_found', { message: 'No such organization in your county' });
  const levels: RankingLevel[] = [];
  for (const level of RANKING_LEVELS) {
    const within = picked && levelBelow(level, picked.kind) ? picked.orgId : undefined;
    let parent;
    try {
      parent = await resolveRankingParent(tx, caller, level, within);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'not_your_org') continue;
      throw error;
    }
    const inside = (path: string) => !parent || (path.startsWith(parent.path) && path !== parent.path);
    if (open.some((o) => LEVEL_KINDS[level].includes(o.kind) && inside(o.path))) levels.push(level);
  }
  return levels;
}
