import type { RoleGrant } from '@tongxin/auth';
import type { Tx } from '@tongxin/db';
import { and, eq } from 'drizzle-orm';
import { roleAssignments, users } from '../schema.ts';

export interface UserWithRoles {
  id: string;
  name: string;
  roles: RoleGrant[];
}

export async function loadUser(tx: Tx, tenantId: string, userId: string): Promise<UserWithRoles | null> {
  const [user] = await tx.select().from(users).where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
  if (!user) return null;
  const rows = await tx.select().from(roleAssignments).where(and(eq(roleAssignments.tenantId, tenantId), eq(roleAssignments.userId, userId)));
  return { id: user.id, name: user.displayName, roles: rows.flatMap(toGrant) };
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
