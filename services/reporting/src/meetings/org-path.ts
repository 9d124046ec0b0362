import { sql, type SQL } from 'drizzle-orm';

// An org's materialized path as roster writes it: every ancestor's id, then the org's own,
// each followed by '/'. Reporting learns paths from roster's events (its members copy), never
// from a request (issue 13), and the path alone decides scope.

/** The ids on a path, root first. */
export function pathIds(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/**
 * True when a caller may manage rows of this path: the department (`orgIds` null) anywhere in
 * its tenant, a secretary when one of their orgs is on the path. Checked in code as well as
 * by RLS because a secretary who is also a member reads their own branch's meetings through
 * the member clause of meeting_scope, and reading is not managing.
 */
export function managesPath(orgIds: readonly string[] | null, path: string): boolean {
  if (orgIds === null) return true;
  const ids = pathIds(path);
  return orgIds.some((id) => ids.includes(id));
}

/**
 * "`column` lies in the subtree at `path`" as a text_pattern range, not LIKE: LIKE is not
 * leakproof, so under RLS PostgreSQL would not use the path index (as roster's subtree.ts).
 * Paths hold only hex digits, '-' and '/', so every descendant sorts below the path with '0'
 * in place of its final '/'.
 */
export function inSubtree(column: unknown, path: string): SQL {
  return sql`(${column} ~>=~ ${path} and ${column} ~<~ ${`${path.slice(0, -1)}0`})`;
}

/** "One of the secretary's orgs is on `column`'s path" in SQL (null orgIds: the department, always). */
export function managedPathSql(column: unknown, orgIds: readonly string[] | null): SQL {
  if (orgIds === null) return sql`true`;
  // One array parameter: drizzle would spread a JS array into a list of parameters.
  return sql`exists (select 1 from unnest(${`{${orgIds.join(',')}}`}::text[]) scope(id) where position('/' || scope.id || '/' in ${column}) > 0)`;
}

/** `column`'s path passes through the org `orgId`. */
export function throughOrg(column: unknown, orgId: string): SQL {
  return sql`position(${`/${orgId}/`} in ${column}) > 0`;
}

/**
 * "`column` is the path of an org above one of the caller's members" in SQL: a secretary reads
 * (never manages) the meetings of their orgs' ancestors, which their members attend (RLS
 * meeting_ancestor_read). `tenantColumn` keeps the lookup in the row's county.
 */
export function aboveManagedMembersSql(tenantColumn: unknown, column: unknown, orgIds: readonly string[] | null): SQL {
  return sql`exists (select 1 from reporting.members m where m.tenant_id = ${tenantColumn}
    and ${managedPathSql(sql`m.org_path`, orgIds)} and position(${column} in m.org_path) = 1)`;
}
