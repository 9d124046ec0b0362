import { tenantTransaction, type Database, type Tx } from '@tongxin/db';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { openAccount } from '../accounts/open-account.ts';
import { audit } from '../auth/audit.ts';
import { findPendingInvitation } from '../invitations/accept-invitation.ts';
import { issueInvitation } from '../invitations/issue-invitation.ts';
import { invitations, roleAssignments } from '../schema.ts';
import { openSession } from '../sessions/start-session.ts';

export const PLATFORM = 'platform';

/**
 * On a database without an operator, a single-use setup link (24 h), created and returned
 * once: `npm start` prints it and it is never shown again (only its hash is kept). While
 * one is pending, later starts print nothing; once it expires, the next start makes another.
 */
export async function ensureSetupLink(database: Database, now: Date): Promise<string | null> {
  return tenantTransaction(database, { tenantId: PLATFORM, tenantWide: true, operator: true }, async (tx) => {
    if (await hasOperator(tx)) return null;
    const [pending] = await tx
      .select({ id: invitations.id })
      .from(invitations)
      .where(and(eq(invitations.tenantId, PLATFORM), eq(invitations.purpose, 'setup'), isNull(invitations.usedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)));
    if (pending) return null;
    const issued = await issueInvitation(tx, { tenantId: PLATFORM, purpose: 'setup', name: null, phone: null, grants: [{ role: 'operator' }], issuedBy: { userId: null, tenantId: PLATFORM }, now });
    return issued.link;
  });
}

async function hasOperator(tx: Tx): Promise<boolean> {
  const [row] = await tx.select({ id: roleAssignments.id }).from(roleAssignments).where(and(eq(roleAssignments.tenantId, PLATFORM), eq(roleAssignments.role, 'operator'))).limit(1);
  return Boolean(row);
}

export async function checkSetupToken(tx: Tx, token: string, now: Date) {
  await findPendingInvitation(tx, PLATFORM, token, ['setup'], now);
  return { valid: true as const };
}

/** The first operator's account; the link is used, and any other pending setup link revoked. */
export async function completeSetup(tx: Tx, input: { token: string; username: string; name: string; password: string; ip: string | null }, now: Date) {
  const row = await findPendingInvitation(tx, PLATFORM, input.token, ['setup'], now);
  const { userId } = await openAccount(tx, PLATFORM, { username: input.username, name: input.name, password: input.password, grants: [{ role: 'operator' }], now });
  await tx.update(invitations).set({ usedAt: now, userId }).where(and(eq(invitations.tenantId, PLATFORM), eq(invitations.id, row.id)));
  await tx
    .update(invitations)
    .set({ revokedAt: now })
    .where(and(eq(invitations.tenantId, PLATFORM), eq(invitations.purpose, 'setup'), isNull(invitations.usedAt), isNull(invitations.revokedAt)));
  await audit(tx, PLATFORM, 'operator_created', now, { userId, username: input.username, ip: input.ip });
  return openSession(tx, PLATFORM, userId, now);
}
