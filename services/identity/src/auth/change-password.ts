import type { Tx } from '@tongxin/db';
import { and, eq } from 'drizzle-orm';
import { hashPassword, verifyPassword } from '../passwords/password-hash.ts';
import { credentials } from '../schema.ts';
import { endUserSessions } from '../sessions/sessions.ts';
import { audit } from './audit.ts';

/** Sets a new password and ends every session of the user, this one included. */
export async function changePassword(
  tx: Tx,
  tenantId: string,
  userId: string,
  input: { currentPassword: string; newPassword: string },
  now: Date,
): Promise<'changed' | 'wrong_password'> {
  const [credential] = await tx
    .select()
    .from(credentials)
    .where(and(eq(credentials.tenantId, tenantId), eq(credentials.userId, userId)));
  if (!credential || !(await verifyPassword(credential.passwordHash, input.currentPassword))) return 'wrong_password';
  await tx
    .update(credentials)
    .set({ passwordHash: await hashPassword(input.newPassword), changedAt: now })
    .where(and(eq(credentials.tenantId, tenantId), eq(credentials.userId, userId)));
  await endUserSessions(tx, tenantId, userId);
  await audit(tx, tenantId, 'password_changed', now, { userId });
  return 'changed';
}
