import type { Tx } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { managesPath } from './org-path.ts';
import { DomainError } from '@tongxin/errors';

/**
 * An org's path as roster wrote it on a member below it (reporting's copy of roster's members,
 * kept from roster's events): the one source of a path reporting trusts. Never a path from
 * input, nor from a meeting row (meetings filed before issue 13 carried the client's path).
 * Only rows the caller may read are seen, so an org outside their scope has none.
 */
export async function orgPathFromMembers(tx: Tx, orgId: string): Promise<string | null> {
  const needle = `/${orgId}/`;
  const result = await tx.execute(sql`
    select left(org_path, position(${needle} in org_path) + ${needle.length - 1}) as path from reporting.members
      where position(${needle} in org_path) > 0 limit 1`);
  return (result.rows[0] as { path: string } | undefined)?.path ?? null;
}

/**
 * The path of an org the caller manages, learnt from reporting's own rows (a member below the
 * org first, failing that a meeting of it): reporting cannot read roster's tree. Null when it is the
 * secretary's own org but no row names it yet, so the answer is simply empty. Otherwise an
 * org no visible row names (another branch's, another county's: the department cannot tell
 * those from an empty org) or one outside the caller's scope is NOT_FOUND.
 */
export async function resolveOrgPath(tx: Tx, orgIds: readonly string[] | null, orgId: string): Promise<string | null> {
  let path = await orgPathFromMembers(tx, orgId);
  if (!path) {
    const result = await tx.execute(sql`select org_path as path from reporting.meetings where org_id = ${orgId} limit 1`);
    path = (result.rows[0] as { path: string } | undefined)?.path ?? null;
  }
  if (path ? managesPath(orgIds, path) : orgIds?.includes(orgId)) return path;
  throw new DomainError('org_not_found', { message: 'No such organization in your scope' });
}
