import type { Tx } from '@tongxin/db';
import { LEDGER_FIELDS } from '@tongxin/ledger';
import { and, eq, isNull } from 'drizzle-orm';
import { ledgerGrants, members, orgs } from '../schema.ts';

type MemberRow = typeof members.$inferSelect;

/**
 * What a grant lets the destination read: who the member is, where they come from, and the
 * granted ledger fields, nothing else (no ID card, no phone unless granted).
 */
export function grantData(member: MemberRow, branchName: string, fields: readonly string[]): Record<string, string | null> {
  const data: Record<string, string | null> = { name: member.name, originBranch: branchName, originTenant: member.tenantId };
  for (const field of fields) {
    if ((LEDGER_FIELDS as readonly string[]).includes(field)) data[field] = (member[field as keyof MemberRow] as string | null) ?? null;
  }
  return data;
}

/** Re-copies the granted fields of a member's live grants after their record changed (same transaction). */
export async function refreshGrants(tx: Tx, tenantId: string, memberId: string): Promise<void> {
  const live = await tx
    .select({ id: ledgerGrants.id, fields: ledgerGrants.fields })
    .from(ledgerGrants)
    .where(and(eq(ledgerGrants.tenantId, tenantId), eq(ledgerGrants.memberId, memberId), isNull(ledgerGrants.revokedAt)));
  if (live.length === 0) return;
  const [row] = await tx
    .select({ member: members, branch: orgs.name })
    .from(members)
    .innerJoin(orgs, and(eq(orgs.tenantId, members.tenantId), eq(orgs.id, members.branchId)))
    .where(and(eq(members.tenantId, tenantId), eq(members.id, memberId)));
  if (!row) return;
  for (const grant of live) {
    await tx.update(ledgerGrants).set({ data: grantData(row.member, row.branch, grant.fields) })
      .where(and(eq(ledgerGrants.tenantId, tenantId), eq(ledgerGrants.id, grant.id)));
  }
}
