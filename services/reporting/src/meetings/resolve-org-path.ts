import type { Tx } from '@tongxin/db';
import { TRPCError } from '@trpc/server';
import { sql } from 'drizzle-orm';
import { managesPath } from './org-path.ts';

/**
 * The path of an org the caller manages, learnt from reporting's own rows (a meeting of the
 * org, or a member below it): reporting cannot read roster's tree. Null when the caller
 * surely manages the org (their own org, or the department) but no row names it yet, so
 * the answer is simply empty. Anyone else asking about an org outside their scope, or in
 * another county, gets NOT_FOUND.
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
  if (path ? managesPath(orgIds, path) : orgIds === null || orgIds.includes(orgId)) return path;
  throw new TRPCError({ code: 'NOT_FOUND', message: 'No such organization in your scope' });
}
