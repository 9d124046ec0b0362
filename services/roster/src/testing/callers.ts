import type { RoleGrant } from '@tongxin/auth';
import type { Database } from '@tongxin/db';
import { sql } from 'drizzle-orm';

// Callers (a member, a secretary of an org of the fixture, a department) and owner-side
// reads, for roster tests.

export function callers(ids: Record<string, string>) {
  return {
    memberAs: (userId: string, org: string, tenantId = 'yx') => ({ tenantId, userId, roles: [{ role: 'member', orgId: ids[org]! }] as RoleGrant[] }),
    secretaryOf: (org: string, tenantId = 'yx') => ({ tenantId, userId: `sec-${org}`, roles: [{ role: 'secretary', orgId: ids[org]! }] as RoleGrant[] }),
    department: (tenantId = 'yx') => ({ tenantId, userId: `dep-${tenantId}`, roles: [{ role: 'department' }] as RoleGrant[] }),
    admin: (tenantId = 'yx') => ({ tenantId, userId: 'admin', roles: [{ role: 'operator' }] as RoleGrant[] }),
  };
}

/** Reads as the owner, to check what a request did or did not change. */
export function ownerReads(database: Database) {
  const rows = async (query: ReturnType<typeof sql>) => (await database.owner.execute(query)).rows as any[];
  return {
    rows,
    memberId: async (name: string, tenantId = 'yx') =>
      (await rows(sql`select id from roster.members where tenant_id = ${tenantId} and name = ${name}`))[0]!.id as string,
    member: async (id: string) => (await rows(sql`select * from roster.members where id = ${id}`))[0],
    versions: async (id: string) => rows(sql`select version, action, changes, actor_role from roster.member_versions where member_id = ${id} order by version`),
    count: async (table: string) => (await rows(sql.raw(`select count(*)::int as n from roster.${table}`)))[0]!.n as number,
  };
}
