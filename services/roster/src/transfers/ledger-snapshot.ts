import type { Tx } from '@tongxin/db';
import { LEDGER_FIELDS, PERSONAL_FIELDS } from '@tongxin/ledger';
import { sql } from 'drizzle-orm';
import type { MemberRow } from '../mobility/find-subject.ts';

/** Member fields a transfer sends: the personal record, the information ledger, and the status with why the member is away. */
export const SENT_FIELDS = [...PERSONAL_FIELDS, ...LEDGER_FIELDS, 'status', 'awayReason'] as const;

/**
 * What a transfer sends (the only member data that crosses counties): the fields above, and
 * the origin branch's and township's names, since the receiving county cannot read the
 * origin's org tree.
 */
export async function ledgerSnapshot(tx: Tx, member: MemberRow): Promise<Record<string, unknown>> {
  const result = await tx.execute(sql`
    select b.name as branch,
           (select coalesce(t.place, t.name) from roster.orgs t
            where t.tenant_id = b.tenant_id and t.kind in ('township', 'street') and b.path like t.path || '%'
            order by length(t.path) desc limit 1) as township
    from roster.orgs b where b.tenant_id = ${member.tenantId} and b.id = ${member.branchId}`);
  const origin = result.rows[0] as { branch: string; township: string | null } | undefined;
  const fields = Object.fromEntries(SENT_FIELDS.map((f) => [f, member[f] ?? null]));
  return { ...fields, fromTenantId: member.tenantId, fromBranch: origin?.branch ?? null, fromTownship: origin?.township ?? null };
}
