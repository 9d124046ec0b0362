import { sql, type SQL } from 'drizzle-orm';

/**
 * "`column` lies in the subtree whose path is `path`", as a range on the materialized path:
 * how a list names the subtree it covers, so the path index serves it. Not `like 'path%'`:
 * LIKE is not leakproof, so under row-level security PostgreSQL may not use it as an index
 * condition and scans the whole county instead. The text_pattern comparisons are leakproof
 * and match the `text_pattern_ops` path indexes. Paths end in '/' and hold only hex digits,
 * '-' and '/', so every descendant sorts below path-with-'0' in place of the final '/'
 * ('0' follows '/').
 */
export function inSubtree(column: unknown, path: string): SQL {
  if (!path.endsWith('/')) throw new Error(`not an org path: ${path}`);
  return sql`(${column} ~>=~ ${path} and ${column} ~<~ ${`${path.slice(0, -1)}0`})`;
}
