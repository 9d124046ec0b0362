import type { Tx } from '@tongxin/db';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { maskPhone } from '../codes/single-use-code.ts';
import { managedPath, requireManagedOrg } from '../roles/caller-scope.ts';
import { activationCodes, people } from '../schema.ts';
import { accountState, liveCode } from './account-state.ts';

/** A branch's members and where each stands with their account (phones masked, never a code). */
export async function listMemberAccounts(tx: Tx, tenantId: string, branchId: string, now: Date) {
  await requireManagedOrg(tx, tenantId, branchId);
  const codeExpiresAt = sql<Date | null>`(select max(${activationCodes.expiresAt}) from ${activationCodes}
    where ${activationCodes.tenantId} = ${people.tenantId} and ${activationCodes.memberId} = ${people.memberId} and ${liveCode(now)})`;
  const rows = await tx
    .select({ memberId: people.memberId, name: people.name, phone: people.phone, state: accountState(now), codeExpiresAt })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), eq(people.branchId, branchId), ne(people.status, 'transferred_out'), managedPath(people.orgPath)))
    .orderBy(asc(people.name));
  return rows.map((row) => ({
    memberId: row.memberId,
    name: row.name,
    phoneMasked: maskPhone(row.phone),
    state: row.state,
    // Raw SQL returns the timestamp as text: a Date like every other column.
    codeExpiresAt: row.state === 'pending' && row.codeExpiresAt ? new Date(row.codeExpiresAt) : null,
  }));
}
