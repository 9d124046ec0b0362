import { inSubtree, pathInScope, type Tx } from '@tongxin/db';
import { sql, type SQL } from 'drizzle-orm';

export interface GrantedMember {
  memberTenantId: string;
  memberId: string;
  granteeOrgId: string;
  fields: string[];
  /** Exactly the granted fields, plus name, originBranch and originTenant. */
  data: Record<string, string | null>;
  grantedAt: string;
}

/**
 * The destination's condition: live grants TO the caller's county, within `granteePath`'s
 * subtree, or within the caller's orgs (null = the department's whole county). The policy
 * also shows the member's own county its grants; this list is the destination's view only.
 */
export function granteeCondition(tenantId: string, orgIds: readonly string[] | null, granteePath: string | null): SQL {
  const where = [sql`g.grantee_tenant_id = ${tenantId}`, sql`g.revoked_at is null`];
  if (granteePath) where.push(inSubtree(sql`g.grantee_org_path`, granteePath));
  else if (orgIds) where.push(pathInScope(sql`g.grantee_org_path`, orgIds));
  return sql.join(where, sql` and `);
}

/** Members checked in with the caller's orgs, as their grants show them: nothing else crosses. */
export async function listGrantedMembers(tx: Tx, condition: SQL): Promise<GrantedMember[]> {
  const result = await tx.execute(sql`
    select g.tenant_id as "memberTenantId", g.member_id as "memberId", g.grantee_org_id as "granteeOrgId",
           g.fields, g.data, g.granted_at as "grantedAt"
    from roster.ledger_grants g
    where ${condition}
    order by g.data->>'name', g.member_id`);
  return (result.rows as unknown as GrantedMember[]).map((row) => ({ ...row, grantedAt: new Date(row.grantedAt).toISOString() }));
}
