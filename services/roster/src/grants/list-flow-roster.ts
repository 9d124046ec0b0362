import { inSubtree, type Tx } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { granteeCondition, listGrantedMembers } from './list-granted-members.ts';

/** The ledger fields a flow organization's list shows for its own members, as a grant shows them for others. */
const LOCAL_FIELDS = ['destinationCity', 'employer', 'occupation', 'residentialAddress', 'destinationPhone'] as const;

export type FlowRosterItem = {
  source: 'local' | 'checked_in';
  memberId: string;
  memberTenantId: string;
  name: string;
  originBranch: string | null;
  originTenant: string;
} & Record<string, string | null>;

/**
 * Brief, flow organizations "see both the members sent from home and local ones": one list of
 * the org's own members (its subtree in this county) and the members checked in with it or an
 * org below it, from any county, each with their origin branch and county. Checked-in members
 * come only from live grants, with only the granted fields.
 */
export async function listFlowRoster(tx: Tx, tenantId: string, orgPath: string): Promise<FlowRosterItem[]> {
  const local = await tx.execute(sql`
    select m.id, m.name, b.name as branch, m.destination_city as "destinationCity", m.employer, m.occupation,
           m.residential_address as "residentialAddress", m.destination_phone as "destinationPhone"
    from roster.members m
    join roster.orgs b on b.tenant_id = m.tenant_id and b.id = m.branch_id
    where m.tenant_id = ${tenantId} and ${inSubtree(sql`m.org_path`, orgPath)} and m.status <> 'transferred_out'`);
  const items: FlowRosterItem[] = (local.rows as Record<string, string | null>[]).map((m) => ({
    source: 'local',
    memberId: m.id!,
    memberTenantId: tenantId,
    name: m.name!,
    originBranch: m.branch ?? null,
    originTenant: tenantId,
    ...Object.fromEntries(LOCAL_FIELDS.map((f) => [f, m[f] ?? null])),
  }));
  for (const grant of await listGrantedMembers(tx, granteeCondition(tenantId, null, orgPath))) {
    const { name, originBranch, originTenant, ...fields } = grant.data;
    items.push({
      ...fields,
      source: 'checked_in',
      memberId: grant.memberId,
      memberTenantId: grant.memberTenantId,
      name: name ?? '',
      originBranch: originBranch ?? null,
      originTenant: originTenant ?? grant.memberTenantId,
    });
  }
  return items.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.memberId.localeCompare(b.memberId));
}
