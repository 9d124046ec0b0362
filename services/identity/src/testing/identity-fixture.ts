import type { RoleGrant } from '@tongxin/auth';
import type { Database } from '@tongxin/db';
import { hashPassword } from '../passwords/password-hash.ts';
import { credentials, roleAssignments, tenants, users } from '../schema.ts';

export const PASSWORD = 'orange-harvest-42';

/** Two counties with one user each (written as the owner, as seeding is). */
export async function seedIdentity(database: Database) {
  const db = database.owner;
  await db.insert(tenants).values([
    { id: 'yx', name: '永兴县' },
    { id: 'rc', name: '汝城县' },
    { id: 'cz', name: '郴州市', kind: 'city' },
  ]);
  const passwordHash = await hashPassword(PASSWORD);
  const addUser = async (tenantId: string, username: string, displayName: string, roles: RoleGrant[]) => {
    const [user] = await db.insert(users).values({ tenantId, username, displayName }).returning({ id: users.id });
    await db.insert(credentials).values({ tenantId, userId: user!.id, passwordHash });
    for (const grant of roles) {
      await db.insert(roleAssignments).values({
        tenantId,
        userId: user!.id,
        role: grant.role,
        orgId: 'orgId' in grant ? grant.orgId : null,
        cityId: 'cityId' in grant ? grant.cityId : null,
      });
    }
    return user!.id;
  };
  const branch = '00000000-0000-4000-8000-000000000001';
  return {
    memberId: await addUser('yx', '13800000001', '李明', [{ role: 'member', orgId: branch }]),
    departmentId: await addUser('rc', '13900000001', '朱红梅', [{ role: 'department' }]),
  };
}
