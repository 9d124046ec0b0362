import type { RoleGrant } from '@tongxin/auth';
import type { Database } from '@tongxin/db';
import { createServiceApp, router } from '@tongxin/trpc';
import { sql } from 'drizzle-orm';
import { notificationsRouter } from '../notifications/notifications-router.ts';
import { suggestionsRouter } from '../suggestions/suggestions-router.ts';
import { escalationRouter } from './escalation-router.ts';

// Test fixture for suggestions, notifications and escalation: the reporting app with these
// routers, and reporting.members rows as roster's events would leave them (inserted as the
// owner). Paths are /<department>/<township>/<branch>/ as in roster.

/** The app under test: these routers, mounted as the service's router mounts them. */
export const testApp = createServiceApp(
  'reporting',
  router({ suggestions: suggestionsRouter, notifications: notificationsRouter, escalation: escalationRouter }),
);

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** 永兴 (yx): 马田镇 with 涌水村 and 高亭村, 黄草镇 with 龙潭村; 汝城 (rc) with one branch. */
export const orgs = {
  yxDepartment: id(1), matian: id(2), yongshui: id(3), gaoting: id(4), huangcao: id(5), longtan: id(6),
  rcDepartment: id(11), rcTown: id(12), rcBranch: id(13),
} as const;
export type OrgName = keyof typeof orgs;

const pathOf: Record<string, string> = {
  yongshui: `/${orgs.yxDepartment}/${orgs.matian}/${orgs.yongshui}/`,
  gaoting: `/${orgs.yxDepartment}/${orgs.matian}/${orgs.gaoting}/`,
  longtan: `/${orgs.yxDepartment}/${orgs.huangcao}/${orgs.longtan}/`,
  rcBranch: `/${orgs.rcDepartment}/${orgs.rcTown}/${orgs.rcBranch}/`,
};

/** Members: name, user id, branch, status; member ids are id(100 + index). */
export const people = [
  { name: '曹德胜', userId: 'u-cds', branch: 'yongshui', status: 'mobile' },
  { name: '曹春生', userId: 'u-ccs', branch: 'yongshui', status: 'mobile' },
  { name: '李华', userId: 'u-lh', branch: 'gaoting', status: 'mobile' },
  { name: '黄文杰', userId: 'u-hwj', branch: 'longtan', status: 'lost_contact' },
  { name: '刘秀英', userId: 'u-lxy', branch: 'yongshui', status: 'resident' },
  { name: '朱建国', userId: 'u-zjg', branch: 'rcBranch', status: 'mobile', tenantId: 'rc' },
] as const;
export type PersonName = (typeof people)[number]['name'];

export const memberIdOf = (name: PersonName) => id(100 + people.findIndex((p) => p.name === name));
const person = (name: PersonName) => people.find((p) => p.name === name)!;

export async function seedMembers(database: Database) {
  for (const [index, p] of people.entries()) {
    const tenantId = 'tenantId' in p ? p.tenantId : 'yx';
    await database.owner.execute(sql`
      insert into reporting.members (tenant_id, member_id, user_id, name, branch_id, org_path, status)
      values (${tenantId}, ${id(100 + index)}, ${p.userId}, ${p.name}, ${orgs[p.branch as OrgName]}, ${pathOf[p.branch]}, ${p.status})`);
  }
}

export const as = {
  member: (name: PersonName) => {
    const p = person(name);
    return { tenantId: 'tenantId' in p ? p.tenantId : 'yx', userId: p.userId, roles: [{ role: 'member', orgId: orgs[p.branch as OrgName] }] as RoleGrant[] };
  },
  secretaryOf: (org: OrgName, tenantId = org.startsWith('rc') ? 'rc' : 'yx') =>
    ({ tenantId, userId: `sec-${org}`, roles: [{ role: 'secretary', orgId: orgs[org] }] as RoleGrant[] }),
  department: (tenantId = 'yx') => ({ tenantId, userId: `dep-${tenantId}`, roles: [{ role: 'department' }] as RoleGrant[] }),
};

/** Owner-side reads, to check what a request did or did not change. */
export function ownerReads(database: Database) {
  const rows = async (query: ReturnType<typeof sql>) => (await database.owner.execute(query)).rows as any[];
  return {
    rows,
    count: async (table: string, where = 'true') => (await rows(sql.raw(`select count(*)::int as n from reporting.${table} where ${where}`)))[0]!.n as number,
  };
}
