import type { RoleGrant } from '@tongxin/auth';
import type { Tx } from '@tongxin/db';
import type { MessagingDeps } from '@tongxin/sms';
import { and, eq } from 'drizzle-orm';
import { sendMessage } from '../channel/send-message.ts';
import { issueInvitation } from '../invitations/issue-invitation.ts';
import { mayAppoint, type Title } from '../roles/appointment-rule.ts';
import { outsideScope, requireManagedOrg } from '../roles/caller-scope.ts';
import { tenants, users } from '../schema.ts';
import { DomainError } from '@tongxin/errors';

/** What a staff invitation grants: the department, or a seat (secretary or deputy) of an org. */
export type StaffGrant = { role: 'department' } | { role: 'secretary'; orgId: string; title: Title };

export interface StaffInviter {
  tenantId: string;
  userId: string;
  /** The secretary's orgs; null for the department. */
  orgIds: readonly string[] | null;
}

/**
 * Invites someone who is not a member (department or township staff) by phone (issue 12).
 * The department may grant the department role or any seat; a secretary only a seat they may
 * fill themselves (`mayAppoint`), else FORBIDDEN 'Outside your scope'. The link is returned
 * once and sent through the channel; accepting it (invitations.accept) grants the role and
 * records the seat. A phone that is already a username here is refused: the link is shown to
 * whoever invites, and accepting would set the password of that existing account.
 */
export async function inviteStaff(
  tx: Tx,
  deps: { messages?: MessagingDeps; now: () => Date; publicUrl?: string },
  inviter: StaffInviter,
  input: { name: string; phone: string; grant: StaffGrant },
) {
  const { tenantId } = inviter;
  const now = deps.now();
  const grant = input.grant;
  if (grant.role === 'department') {
    if (inviter.orgIds !== null) throw outsideScope();
  } else {
    const org = await requireManagedOrg(tx, tenantId, grant.orgId);
    if (!mayAppoint(inviter.orgIds, org, grant.title)) throw outsideScope();
  }
  const [taken] = await tx.select({ id: users.id }).from(users).where(and(eq(users.tenantId, tenantId), eq(users.username, input.phone)));
  if (taken) throw new DomainError('phone_taken', { message: 'This phone number already has an account' });

  // The seat's title rides on the grant: invitations.accept records the appointment from it.
  const grants = [grant.role === 'department' ? { role: 'department' } : { role: 'secretary', orgId: grant.orgId, title: grant.title }] as RoleGrant[];
  const issued = await issueInvitation(tx, { tenantId, purpose: 'staff', name: input.name, phone: input.phone, grants, issuedBy: { userId: inviter.userId, tenantId }, now });
  const [tenant] = await tx.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId));
  const delivery = await sendMessage(tx, deps, {
    tenantId,
    phone: input.phone,
    kind: 'invitation',
    params: { tenantName: tenant?.name ?? '', link: `${deps.publicUrl ?? ''}${issued.link}`, hours: '72' },
  });
  return { id: issued.id, link: issued.link, expiresAt: issued.expiresAt, delivery: delivery.status };
}
