import type { RoleGrant } from '@tongxin/auth';
import type { Tx } from '@tongxin/db';
import { and, eq } from 'drizzle-orm';
import { roleAssignments, users } from '../schema.ts';

export interface UserWithRoles {
  id: string;
  name: string;
  roles: RoleGrant[];
}

/** The user and their grants in one statement (login and every refresh read them). */
export async function loadUser(tx: Tx, tenantId: string, userId: string): Promise<UserWithRoles | null> {
  const rows = await tx
    .select({ name: users.displayName, grant: roleAssignments })
    .from(users)
    .leftJoin(roleAssignments, and(eq(roleAssignments.tenantId, users.tenantId), eq(roleAssignments.userId, users.id)))
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
  if (rows.length === 0) return null;
  return { id: userId, name: rows[0]!.name, roles: rows.flatMap((row) => (row.grant ? toGrant(row.grant) : [])) };
}

function toGrant(row: typeof roleAssignments.$inferSelect): RoleGrant[] {
  switch (row.role) {
    case 'member':
    case 'secretary':
      return row.orgId ? [{ role: row.role, orgId: row.orgId }] : [];
    case 'city':
      return row.cityId ? [{ role: 'city', cityId: row.cityId }] : [];
    case 'department':
      return [{ role: 'department' }];
    case 'operator':
      return [{ role: 'operator' }];
    default:
      // 'admin' is an unused enum value kept for old databases: it grants nothing.
      return [];
  }
}
