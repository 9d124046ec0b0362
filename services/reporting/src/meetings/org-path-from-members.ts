import type { Tx } from '@tongxin/db';
import { sql } from 'drizzle-orm';

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
