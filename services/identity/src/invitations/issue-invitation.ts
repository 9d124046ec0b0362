import type { RoleGrant } from '@tongxin/auth';
import type { Tx } from '@tongxin/db';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { audit } from '../auth/audit.ts';
import { hashCode, maskPhone, newLinkToken } from '../codes/single-use-code.ts';
import { invitations } from '../schema.ts';
import { DomainError } from '@tongxin/errors';

/** A county administrator's or a staff member's invitation stays open 72 hours (issue 12). */
export const INVITATION_TTL_MS = 72 * 3600_000;
/** The first operator's setup link: 24 hours. */
export const SETUP_TTL_MS = 24 * 3600_000;

export type InvitationPurpose = 'setup' | 'department' | 'staff';

export interface NewInvitation {
  tenantId: string;
  purpose: InvitationPurpose;
  name: string | null;
  phone: string | null;
  grants: RoleGrant[];
  issuedBy: { userId: string | null; tenantId: string | null };
  now: Date;
}

/** The link a person opens; relative, the client puts its own origin in front. */
export function invitationLink(purpose: InvitationPurpose, tenantId: string, token: string): string {
  return purpose === 'setup' ? `/setup?token=${token}` : `/invite?t=${encodeURIComponent(tenantId)}&token=${token}`;
}

/**
 * Stores an invitation (the token's SHA-256 only) and returns the token once: the caller
 * shows the link to whoever issued it and hands it to the outbound channel.
 */
export async function issueInvitation(tx: Tx, invitation: NewInvitation) {
  const token = newLinkToken();
  const ttl = invitation.purpose === 'setup' ? SETUP_TTL_MS : INVITATION_TTL_MS;
  const expiresAt = new Date(invitation.now.getTime() + ttl);
  const [row] = await tx
    .insert(invitations)
    .values({
      tenantId: invitation.tenantId,
      tokenHash: hashCode(token),
      purpose: invitation.purpose,
      name: invitation.name,
      phone: invitation.phone,
      grants: invitation.grants,
      issuedByUserId: invitation.issuedBy.userId,
      issuedByTenantId: invitation.issuedBy.tenantId,
      createdAt: invitation.now,
      expiresAt,
    })
    .returning({ id: invitations.id });
  const auditTenant = invitation.issuedBy.tenantId ?? invitation.tenantId;
  await audit(tx, auditTenant, 'invitation_issued', invitation.now, {
    actorUserId: invitation.issuedBy.userId,
    detail: { invitationId: row!.id, tenantId: invitation.tenantId, purpose: invitation.purpose },
  });
  return { id: row!.id, token, link: invitationLink(invitation.purpose, invitation.tenantId, token), expiresAt };
}

export type InvitationStatus = 'pending' | 'used' | 'expired' | 'revoked';

export function invitationStatus(row: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): InvitationStatus {
  if (row.usedAt) return 'used';
  if (row.revokedAt) return 'revoked';
  return row.expiresAt <= now ? 'expired' : 'pending';
}

/** Invitations as staff lists show them: the phone masked, never a token. */
export async function listInvitations(tx: Tx, where: { tenantId?: string; purposes: readonly InvitationPurpose[] }, now: Date) {
  const rows = await tx
    .select()
    .from(invitations)
    .where(and(inArray(invitations.purpose, [...where.purposes]), where.tenantId ? eq(invitations.tenantId, where.tenantId) : undefined))
    .orderBy(desc(invitations.createdAt))
    .limit(500);
  return rows.map((row) => ({
    id: row.id,
    tenantId: row.tenantId,
    /** department: the platform operator invited a county administrator. */
    purpose: row.purpose as InvitationPurpose,
    name: row.name,
    phoneMasked: maskPhone(row.phone),
    grants: row.grants,
    status: invitationStatus(row, now),
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
  }));
}

/** Revokes a pending invitation; a used one stays used. */
export async function revokeInvitation(tx: Tx, id: string, purpose: InvitationPurpose, actor: { userId: string; tenantId: string }, now: Date) {
  const [row] = await tx
    .update(invitations)
    .set({ revokedAt: now })
    .where(and(eq(invitations.id, id), eq(invitations.purpose, purpose), isNull(invitations.usedAt), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id, tenantId: invitations.tenantId, name: invitations.name, phone: invitations.phone, grants: invitations.grants });
  if (!row) throw new DomainError('invitation_not_found', { message: 'No such pending invitation' });
  await audit(tx, actor.tenantId, 'invitation_revoked', now, { actorUserId: actor.userId, detail: { invitationId: id, tenantId: row.tenantId } });
  return row;
}
