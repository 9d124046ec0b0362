import { pathInScope } from '@tongxin/db';
import { sql, type SQL } from 'drizzle-orm';

// An org's materialized path as roster writes it: every ancestor's id, then the org's own,
// each followed by '/'. Reporting learns paths from roster's events (its members copy), never
// from a request (issue 13), and the path alone decides scope.

/** The ids on a path, root first. */
export function pathIds(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/**
 * "`column` is the path of an org above one of the caller's members" in SQL: a secretary reads
 * (never manages) the meetings of their orgs' ancestors, which their members attend (RLS
 * meeting_ancestor_read). `tenantColumn` keeps the lookup in the row's county.
 */
export function aboveManagedMembersSql(tenantColumn: unknown, column: unknown, orgIds: readonly string[] | null): SQL {
  return sql`exists (select 1 from reporting.members m where m.tenant_id = ${tenantColumn}
    and ${pathInScope(sql`m.org_path`, orgIds)} and position(${column} in m.org_path) = 1)`;
}
