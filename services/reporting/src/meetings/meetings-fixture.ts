import type { RoleGrant } from '@tongxin/auth';
import { createServiceHarness, type CallOptions, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { app } from '../app.ts';
import { migrations } from '../migrations.ts';

// Two counties: 永兴 (yx) with two townships, 汝城 (rc) with one. Paths are roster's:
// /<department>/<township>/<branch>/. Members and the org directory are inserted as the owner,
// as the members consumer would keep them from roster's events.

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const orgs = {
  yx: id(1), yxT1: id(2), yxB1: id(3), yxB2: id(4), yxT2: id(5), yxB3: id(6),
  rc: id(11), rcT: id(12), rcB: id(13),
} as const;
export type OrgName = keyof typeof orgs;

export const paths: Record<OrgName, string> = {
  yx: `/${orgs.yx}/`, yxT1: `/${orgs.yx}/${orgs.yxT1}/`, yxB1: `/${orgs.yx}/${orgs.yxT1}/${orgs.yxB1}/`,
  yxB2: `/${orgs.yx}/${orgs.yxT1}/${orgs.yxB2}/`, yxT2: `/${orgs.yx}/${orgs.yxT2}/`, yxB3: `/${orgs.yx}/${orgs.yxT2}/${orgs.yxB3}/`,
  rc: `/${orgs.rc}/`, rcT: `/${orgs.rc}/${orgs.rcT}/`, rcB: `/${orgs.rc}/${orgs.rcT}/${orgs.rcB}/`,
};

const tenantOf = (org: OrgName) => (org.startsWith('rc') ? 'rc' : 'yx');

/** member key → [name, branch, status]. */
const people = {
  zhang: ['张三', 'yxB1', 'mobile'], li: ['李四', 'yxB1', 'mobile'], wang: ['王五', 'yxB1', 'resident'],
  sun: ['孙八', 'yxB1', 'transferred_out'], zhao: ['赵六', 'yxB2', 'mobile'], qian: ['钱七', 'yxB3', 'mobile'], zhou: ['周九', 'rcB', 'mobile'],
} as const satisfies Record<string, readonly [string, OrgName, string]>;
export type Person = keyof typeof people;
export const memberIds = Object.fromEntries(Object.keys(people).map((key, i) => [key, id(100 + i)])) as Record<Person, string>;

export function memberAs(person: Person) {
  const [, branch] = people[person];
  return { tenantId: tenantOf(branch), userId: `u-${person}`, roles: [{ role: 'member', orgId: orgs[branch] }] as RoleGrant[] };
}
export function secretaryOf(org: OrgName) {
  return { tenantId: tenantOf(org), userId: `sec-${org}`, roles: [{ role: 'secretary', orgId: orgs[org] }] as RoleGrant[] };
}
export function department(tenantId: 'yx' | 'rc' = 'yx') {
  return { tenantId, userId: `dep-${tenantId}`, roles: [{ role: 'department' }] as RoleGrant[] };
}

export async function meetingsHarness(): Promise<ServiceHarness> {
  const h = await createServiceHarness(app, [migrations]);
  // Every org in reporting's directory, as roster's org_saved would have listed it.
  for (const [org, path] of Object.entries(paths) as [OrgName, string][]) {
    await h.database.owner.execute(sql`
      insert into reporting.org_directory (tenant_id, org_id, name, path) values (${tenantOf(org)}, ${orgs[org]}, ${org}, ${path})`);
  }
  for (const [key, [name, branch, status]] of Object.entries(people) as [Person, (typeof people)[Person]][]) {
    await h.database.owner.execute(sql`
      insert into reporting.members (tenant_id, member_id, user_id, name, branch_id, org_path, status)
      values (${tenantOf(branch)}, ${memberIds[key]}, ${`u-${key}`}, ${name}, ${orgs[branch]}, ${paths[branch]}, ${status})`);
  }
  return h;
}

type Caller = CallOptions['as'];

/** Calls `meetings.<name>` through HTTP as `as`. */
export const call = {
  query: (h: ServiceHarness, name: string, as: Caller, input?: unknown) => h.query(`/api/reporting/trpc/meetings.${name}`, { as, input }),
  mutate: (h: ServiceHarness, name: string, as: Caller, input?: unknown) => h.mutate(`/api/reporting/trpc/meetings.${name}`, { as, input }),
};

let keys = 0;
/** A meeting for `org` starting `hoursFromNow` after the harness clock, an hour and a half long. */
export function meetingInput(h: ServiceHarness, org: OrgName, overrides: Record<string, unknown> = {}) {
  const startsAt = new Date(h.clock.now.getTime() + 24 * 3600_000);
  return {
    orgId: orgs[org], kind: 'members_meeting', title: '十一月党员大会', agenda: '学习党章；冰糖橙销售',
    mode: 'both', location: '村部会议室', onlineLink: 'https://meeting.example.cn/abc',
    startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 90 * 60_000).toISOString(),
    idempotencyKey: `meeting-key-${++keys}-${Date.now()}`, ...overrides,
  };
}

/** Reads as the owner, to check what a request did or did not change. */
export async function count(h: ServiceHarness, table: string, where = 'true'): Promise<number> {
  const result = await h.database.owner.execute(sql.raw(`select count(*)::int as n from reporting.${table} where ${where}`));
  return (result.rows[0] as { n: number }).n;
}
