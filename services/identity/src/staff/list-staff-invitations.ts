import type { Tx } from '@tongxin/db';
import type { RoleGrant } from '@tongxin/auth';
import { and, eq } from 'drizzle-orm';
import { listInvitations, revokeInvitation } from '../invitations/issue-invitation.ts';
import { managedPath } from '../roles/caller-scope.ts';
import { invitations, orgs } from '../schema.ts';
import type { StaffInviter } from './invite-staff.ts';
import { DomainError } from '@tongxin/errors';

/**
 * Which staff invitations a caller may see and revoke: the department all of its county's; a
 * secretary those to a seat in their subtrees (never a department invitation).
 */
async function visibleTo(tx: Tx, caller: StaffInviter): Promise<(grants: readonly RoleGrant[]) => boolean> {
  if (caller.orgIds === null) return () => true;
  const managed = await tx.select({ orgId: orgs.orgId }).from(orgs).where(and(eq(orgs.tenantId, caller.tenantId), managedPath(orgs.path)));
  const ids = new Set(managed.map((o) => o.orgId));
  return (grants) => grants.some((g) => g.role === 'secretary' && ids.has(g.orgId));
}

/**
 * The staff invitations the caller may see, newest first: phones masked, never a token. The
 * department also sees the administrators the platform operator invited into its county: an
 * operator must not add a department account that the county cannot see.
 */
export async function listStaffInvitations(tx: Tx, caller: StaffInviter, now: Date) {
  const sees = await visibleTo(tx, caller);
  const purposes = caller.orgIds === null ? (['staff', 'department'] as const) : (['staff'] as const);
  const rows = await listInvitations(tx, { tenantId: caller.tenantId, purposes }, now);
  return rows.filter((row) => sees(row.grants));
}

/** Revokes a pending staff invitation the caller may see; any other is NOT_FOUND. */
export async function revokeStaffInvitation(tx: Tx, caller: StaffInviter, id: string, now: Date) {
  const [row] = await tx
    .select({ grants: invitations.grants })
    .from(invitations)
    .where(and(eq(invitations.tenantId, caller.tenantId), eq(invitations.id, id), eq(invitations.purpose, 'staff')));
  if (!row || !(await visibleTo(tx, caller))(row.grants)) throw new DomainError('invitation_not_found', { message: 'No such pending invitation' });
  await revokeInvitation(tx, id, 'staff', { userId: caller.userId, tenantId: caller.tenantId }, now);
  return { ok: true as const };
}
