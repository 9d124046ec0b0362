import { sql, type SQL } from 'drizzle-orm';

/**
 * `inSubtree` (`@tongxin/db`) for an org named by id, its path read in the same statement (an
 * InitPlan, so one round trip fewer than looking the path up first). An org the caller's
 * tenant does not have yields null bounds, which match nothing.
 */
export function inSubtreeOfOrg(column: SQL | unknown, orgId: string): SQL {
  const path = sql`(select o.path from roster.orgs o where o.id = ${orgId}::uuid)`;
  return sql`(${column} ~>=~ ${path} and ${column} ~<~ (select left(o.path, -1) || '0' from roster.orgs o where o.id = ${orgId}::uuid))`;
}
