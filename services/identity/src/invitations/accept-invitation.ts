import type { Tx } from '@tongxin/db';
import { and, eq } from 'drizzle-orm';
import { openAccount } from '../accounts/open-account.ts';
import { audit } from '../auth/audit.ts';
import { hashCode, maskPhone } from '../codes/single-use-code.ts';
import { recordAppointment } from '../roles/record-appointment.ts';
import { invitations, orgs, tenants, users } from '../schema.ts';
import { openSession } from '../sessions/start-session.ts';
import type { InvitationPurpose } from './issue-invitation.ts';
import { DomainError } from '@tongxin/errors';

const unusable = () => new DomainError('link_invalid', { message: 'This link is no longer valid' });

/** A pending invitation by its token, or NOT_FOUND for unknown, used, revoked or expired alike. */
export async function findPendingInvitation(tx: Tx, tenantId: string, token: string, purposes: readonly InvitationPurpose[], now: Date) {
  const [row] = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.tenantId, tenantId), eq(invitations.tokenHash, hashCode(token))))
    .for('update');
  if (!row || !purposes.includes(row.purpose as InvitationPurpose) || row.usedAt || row.revokedAt || row.expiresAt <= now) throw unusable();
  return row;
}

/** What the invitation page shows before the person sets a password. */
export async function describeInvitation(tx: Tx, tenantId: string, token: string, now: Date) {
  const row = await findPendingInvitation(tx, tenantId, token, ['department', 'staff'], now);
  const [tenant] = await tx.select({ name: tenants.name, suspendedAt: tenants.suspendedAt }).from(tenants).where(eq(tenants.id, tenantId));
  if (!tenant || tenant.suspendedAt) throw unusable();
  return { tenantName: tenant.name, name: row.name, phoneMasked: maskPhone(row.phone), roles: row.grants };
}

/**
 * Accepts an invitation: an account under the invited phone with the invited grants, the
 * invitation used, audited, and a session opened — in one transaction, so a retried click
 * finds the invitation used and changes nothing.
 */
export async function acceptInvitation(tx: Tx, tenantId: string, input: { token: string; password: string; ip: string | null }, now: Date) {
  const row = await findPendingInvitation(tx, tenantId, input.token, ['department', 'staff'], now);
  const [tenant] = await tx.select({ suspendedAt: tenants.suspendedAt }).from(tenants).where(eq(tenants.id, tenantId));
  if (!tenant || tenant.suspendedAt) throw unusable();
  if (!row.phone || !row.name) throw unusable();
  // Whoever issued the link has seen it: it must never set the password of an account that
  // exists already under that phone (one may have appeared since the invitation was sent).
  const [taken] = await tx.select({ id: users.id }).from(users).where(and(eq(users.tenantId, tenantId), eq(users.username, row.phone)));
  if (taken) throw new DomainError('phone_taken', { message: 'This phone number already has an account' });
  const grants = row.grants.filter((grant) => grant.role !== 'secretary');
  const { userId } = await openAccount(tx, tenantId, { username: row.phone, name: row.name, password: input.password, grants, now });
  await tx.update(invitations).set({ usedAt: now, userId }).where(and(eq(invitations.tenantId, tenantId), eq(invitations.id, row.id)));
  // A seat offered by the invitation is an appointment: the record the tree shows, and the role.
  for (const grant of row.grants) {
    if (grant.role !== 'secretary') continue;
    const [org] = await tx.select({ orgId: orgs.orgId, path: orgs.path }).from(orgs).where(and(eq(orgs.tenantId, tenantId), eq(orgs.orgId, grant.orgId)));
    if (!org) continue;
    const title = (grant as { title?: string }).title === 'deputy' ? 'deputy' : 'secretary';
    await recordAppointment(tx, tenantId, { org, memberId: null, userId, name: row.name, title, actorUserId: row.issuedByUserId, now });
  }
  await audit(tx, tenantId, 'invitation_accepted', now, { userId, username: row.phone, ip: input.ip, detail: { invitationId: row.id } });
  return openSession(tx, tenantId, userId, now);
}
