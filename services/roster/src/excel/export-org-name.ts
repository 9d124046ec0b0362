import type { Tx } from '@tongxin/db';
import { sql } from 'drizzle-orm';

/**
 * The name the export's title row carries: the org asked for; else the secretary's own
 * orgs; else (the department) the county's root organization.
 */
export async function exportOrgName(tx: Tx, orgId: string | null, orgIds: readonly string[] | null): Promise<string> {
  const ids = orgId ? [orgId] : orgIds;
  const condition = ids
    ? sql`id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`
    : sql`parent_id is null and kind = 'department'`;
  const result = await tx.execute(sql`select name from roster.orgs where ${condition} order by path`);
  return (result.rows as { name: string }[]).map((r) => r.name).join('、');
}
