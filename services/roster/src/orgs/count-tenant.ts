import type { Tx } from '@tongxin/db';
import { sql } from 'drizzle-orm';

export interface TenantCounts {
  members: number;
  mobileMembers: number;
  branches: number;
  flowOrgs: number;
}

/** The department dashboard's headline numbers for the transaction's tenant. */
export async function countTenant(tx: Tx): Promise<TenantCounts> {
  const result = await tx.execute(sql`select
      (select count(*) from roster.members)::int as members,
      (select count(*) from roster.members where status <> 'resident')::int as "mobileMembers",
      (select count(*) from roster.orgs where kind in ('branch', 'mobile_branch'))::int as branches,
      (select count(*) from roster.orgs where kind in ('flow_general', 'flow_branch'))::int as "flowOrgs"`);
  return result.rows[0] as unknown as TenantCounts;
}
