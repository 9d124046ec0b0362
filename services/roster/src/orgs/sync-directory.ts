import type { Db, Tx } from '@tongxin/db';
import { eq, sql } from 'drizzle-orm';
import { countyState, orgDirectory } from '../schema.ts';
import { DIRECTORY_KINDS, FLOW_KINDS, isDirectoryKind, type OrgKind } from './org-kinds.ts';

export interface DirectoryOrg {
  id: string;
  kind: OrgKind;
  name: string;
  province: string | null;
  city: string | null;
  path: string;
  closedAt: Date | null;
}

/** True once the county has gone live (`roster.county_state`, from identity's `tenant_live`). */
export async function countyIsLive(tx: Tx, tenantId: string): Promise<boolean> {
  const [state] = await tx.select({ liveAt: countyState.liveAt }).from(countyState).where(eq(countyState.tenantId, tenantId));
  return state?.liveAt != null;
}

/**
 * Writes the org's entry in the platform-wide directory when other counties may address
 * it (departments for transfers, flow organizations for check-ins). Called in the same
 * transaction as the change, so the directory never disagrees with the tree. A county's
 * flow organizations are listed only once it is live (issue 12): `listCountyInDirectory` adds
 * them all when it goes live.
 */
export async function syncDirectory(tx: Tx, tenantId: string, org: DirectoryOrg): Promise<void> {
  if (!isDirectoryKind(org.kind)) return;
  if (FLOW_KINDS.includes(org.kind) && !(await countyIsLive(tx, tenantId))) return;
  const entry = { kind: org.kind, name: org.name, province: org.province, city: org.city, path: org.path, closedAt: org.closedAt };
  await tx
    .insert(orgDirectory)
    .values({ tenantId, orgId: org.id, ...entry })
    .onConflictDoUpdate({ target: [orgDirectory.tenantId, orgDirectory.orgId], set: entry });
}

const kindList = sql.join(DIRECTORY_KINDS.map((k) => sql`${k}`), sql`, `);

/**
 * Every directory entry of one county, in its transaction: the department always, flow
 * organizations once the county is live. What `identity.tenant_live` and the backfill write.
 */
export async function listCountyInDirectory(tx: Tx, tenantId: string): Promise<number> {
  const result = await tx.execute(sql`
    insert into roster.org_directory (tenant_id, org_id, kind, name, province, city, path, closed_at)
    select tenant_id, id, kind, name, province, city, path, closed_at from roster.orgs o
    where tenant_id = ${tenantId} and kind in (${kindList})
      and (kind = 'department' or exists (select 1 from roster.county_state s where s.tenant_id = o.tenant_id and s.live_at is not null))
    on conflict (tenant_id, org_id) do update
      set kind = excluded.kind, name = excluded.name, province = excluded.province,
          city = excluded.city, path = excluded.path, closed_at = excluded.closed_at
    returning org_id`);
  return result.rows.length;
}

/**
 * One-off: directory entries for orgs created before the directory existed (the seed calls
 * it). Pass `database.system` (tongxin_system, which bypasses RLS): one transaction per tenant
 * with app.tenant_id set all the same, so the directory's own policies hold for what it writes.
 * Without `tenantIds` it reads them from the orgs, which only a role bypassing RLS sees.
 */
export async function backfillDirectory(db: Db, tenantIds?: readonly string[]): Promise<number> {
  const tenants = tenantIds ?? (await db.execute(sql`select distinct tenant_id from roster.orgs`)).rows.map((r) => String(r.tenant_id));
  let written = 0;
  for (const tenantId of tenants) {
    written += await db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true), set_config('app.tenant_wide', 'on', true)`);
      return listCountyInDirectory(tx, tenantId);
    });
  }
  return written;
}
