import type { RoleGrant } from '@tongxin/auth';
import type { Tx } from '@tongxin/db';
import { and, eq } from 'drizzle-orm';
import { hashPassword } from '../passwords/password-hash.ts';
import { credentials, roleAssignments, users } from '../schema.ts';
import { DomainError } from '@tongxin/errors';

export interface NewAccount {
  /** The ledger's phone for members and invited staff: what they type to log in. */
  username: string;
  name: string;
  password: string;
  grants: readonly RoleGrant[];
  now: Date;
}

/**
 * The one way an account comes to be after the seed: a user with a password and role
 * grants. A username some account already has is CONFLICT, decided by the unique index in
 * this statement, so two acceptances racing for one phone cannot both set its password.
 */
export async function openAccount(tx: Tx, tenantId: string, account: NewAccount): Promise<{ userId: string }> {
  const passwordHash = await hashPassword(account.password);
  const [created] = await tx
    .insert(users)
    .values({ tenantId, username: account.username, displayName: account.name })
    .onConflictDoNothing()
    .returning({ id: users.id });
  if (!created) throw new DomainError('phone_taken', { message: 'This phone number already has an account' });
  const userId = created.id;
  await tx.insert(credentials).values({ tenantId, userId, passwordHash, changedAt: account.now });
  for (const grant of account.grants) await grantRole(tx, tenantId, userId, grant);
  return { userId };
}

/** Adds a grant once (the unique index covers org grants; NULLs are distinct, so others are looked up). */
export async function grantRole(tx: Tx, tenantId: string, userId: string, grant: RoleGrant): Promise<void> {
  if (!('orgId' in grant)) {
    const [held] = await tx
      .select({ id: roleAssignments.id })
      .from(roleAssignments)
      .where(and(eq(roleAssignments.tenantId, tenantId), eq(roleAssignments.userId, userId), eq(roleAssignments.role, grant.role)));
    if (held) return;
  }
  await tx
    .insert(roleAssignments)
    .values({
      tenantId,
      userId,
      role: grant.role,
      orgId: 'orgId' in grant ? grant.orgId : null,
      cityId: 'cityId' in grant ? grant.cityId : null,
    })
    .onConflictDoNothing();
}
