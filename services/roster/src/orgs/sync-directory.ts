import type { Db, Tx } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { orgDirectory } from '../schema.ts';
import { DIRECTORY_KINDS, isDirectoryKind, type OrgKind } from './org-kinds.ts';

export interface DirectoryOrg {
  id: string;
  kind: OrgKind;
  name: string;
  province: string | null;
  city: string | null;
  path: string;
  closedAt: Date | null;
}

/**
 * Writes the org's entry in the platform-wide directory when other counties may address
 * it (departments for transfers, flow organizations for check-ins). Called in the same
 * transaction as the change, so the directory never disagrees with the tree.
 */
export async function syncDirectory(tx: Tx, tenantId: string, org: DirectoryOrg): Promise<void> {
  if (!isDirectoryKind(org.kind)) return;
  const entry = { kind: org.kind, name: org.name, province: org.province, city: org.city, path: org.path, closedAt: org.closedAt };
  await tx
    .insert(orgDirectory)
    .values({ tenantId, orgId: org.id, ...entry })
    .onConflictDoUpdate({ target: [orgDirectory.tenantId, orgDirectory.orgId], set: entry });
}

const kindList = sql.join(DIRECTORY_KINDS.map((k) => sql`${k}`), sql`, `);

/**
 * One-off: directory entries for orgs created before the directory existed (the seed calls
 * it). Runs as the owner, one transaction per tenant with app.tenant_id set, because RLS is
 * forced on the directory (an owner that is not a superuser, as on Neon, is bound by it).
 * Without `tenantIds` it reads them from the orgs, which only an owner bypassing RLS sees.
 */
export async function backfillDirectory(db: Db, tenantIds?: readonly string[]): Promise<number> {
  const tenants = tenantIds ?? (await db.execute(sql`select distinct tenant_id from roster.orgs`)).rows.map((r) => String(r.tenant_id));
  let written = 0;
  for (const tenantId of tenants) {
    written += await db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true), set_config('app.tenant_wide', 'on', true)`);
      const result = await tx.execute(sql`
        insert into roster.org_directory (tenant_id, org_id, kind, name, province, city, path, closed_at)
        select tenant_id, id, kind, name, province, city, path, closed_at from roster.orgs
        where tenant_id = ${tenantId} and kind in (${kindList})
        on conflict (tenant_id, org_id) do update
          set kind = excluded.kind, name = excluded.name, province = excluded.province,
              city = excluded.city, path = excluded.path, closed_at = excluded.closed_at
        returning org_id`);
      return result.rows.length;
    });
  }
  return written;
}
