import type { Tx } from '@tongxin/db';
import { TRPCError } from '@trpc/server';
import { sql } from 'drizzle-orm';
import { managesPath } from './org-path.ts';

/**
 * The path of an org the caller manages, learnt from reporting's own rows (a meeting of the
 * org, or a member below it): reporting cannot read roster's tree. Null when it is the
 * secretary's own org but no row names it yet, so the answer is simply empty. Otherwise an
 * org no visible row names (another branch's, another county's: the department cannot tell
 * those from an empty org) or one outside the caller's scope is NOT_FOUND.
 */
export async function resolveOrgPath(tx: Tx, orgIds: readonly string[] | null, orgId: string): Promise<string | null> {
  const needle = `/${orgId}/`;
  const result = await tx.execute(sql`
    (select org_path as path from reporting.meetings where org_id = ${orgId} limit 1)
    union all
    (select left(org_path, position(${needle} in org_path) + ${needle.length - 1}) from reporting.members
      where position(${needle} in org_path) > 0 limit 1)
    limit 1`);
  const path = (result.rows[0] as { path: string } | undefined)?.path ?? null;
  if (path ? managesPath(orgIds, path) : orgIds?.includes(orgId)) return path;
  throw new TRPCError({ code: 'NOT_FOUND', message: 'No such organization in your scope' });
}
