import { sql, type SQL } from 'drizzle-orm';

/**
 * "`column` lies in the subtree whose path is `path`", as a range on the materialized path.
 * Not `like 'path%'`: LIKE is not leakproof, so under row-level security PostgreSQL may not
 * use it as an index condition and scans the whole county instead. The text_pattern
 * comparisons are leakproof and match the `text_pattern_ops` path indexes. Paths end in '/'
 * and hold only hex digits, '-' and '/', so every descendant sorts below path-with-'0'
 * in place of the final '/' ('0' follows '/').
 */
export function inSubtree(column: SQL | SQL.Aliased | unknown, path: string): SQL {
  if (!path.endsWith('/')) throw new Error(`not an org path: ${path}`);
  const upper = `${path.slice(0, -1)}0`;
  return sql`(${column} ~>=~ ${path} and ${column} ~<~ ${upper})`;
}

/**
 * The same range for an org named by id, its path read in the same statement (an InitPlan,
 * so one round trip fewer than looking the path up first). An org the caller's tenant does
 * not have yields null bounds, which match nothing.
 */
export function inSubtreeOfOrg(column: SQL | unknown, orgId: string): SQL {
  const path = sql`(select o.path from roster.orgs o where o.id = ${orgId}::uuid)`;
  return sql`(${column} ~>=~ ${path} and ${column} ~<~ (select left(o.path, -1) || '0' from roster.orgs o where o.id = ${orgId}::uuid))`;
}
