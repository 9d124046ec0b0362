import type { RoleGrant } from '@tongxin/auth';
import { chinaMonth } from '@tongxin/calendar';
import { identitySchema } from '@tongxin/identity';
import type { ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relayAll } from './relays.ts';
import { CHENZHOU, RUCHENG, YONGXING } from './seed/county-plan.ts';
import { createPlatformHarness } from './testing/platform-harness.ts';

// Issue 15, the city's view across the services: a county's department gives its city the
// grant in identity, the relay carries `identity.city_grant_changed` to the copies of roster,
// reporting, tasks and scoring, and the city's department reads the county's rollups there,
// and no member anywhere; after the revocation it reads nothing of that county.
const SERVICES = ['roster', 'reporting', 'tasks', 'scoring'] as const;
let h: ServiceHarness;
const users = { yongxing: '', rucheng: '', city: '' };
const one = async (query: ReturnType<typeof sql>) => (await h.database.owner.execute(query)).rows[0] as Record<string, string>;
const department = (tenantId: string, userId: string) => ({ tenantId, userId, roles: [{ role: 'department' }] as RoleGrant[] });
const city = () => department(CHENZHOU.id, users.city);
const month = () => chinaMonth(h.clock.now);
const counties = async (service: string) => {
  const answer = await h.query(`/api/${service}/trpc/rollups.counties`, { as: city(), input: { month: month() } });
  expect(answer.error).toBeNull();
  return (answer.data as { counties: { countyId: string }[] }).counties.map((c) => c.countyId);
};

beforeAll(async () => {
  h = await createPlatformHarness({ members: 20 });
  await h.database.owner.insert(identitySchema.tenants).values({ id: CHENZHOU.id, name: CHENZHOU.name, kind: 'city' }).onConflictDoNothing();
  const [cityUser] = await h.database.owner.insert(identitySchema.users).values({ tenantId: CHENZHOU.id, username: '13600000001', displayName: '郴州市委组织部' }).returning({ id: identitySchema.users.id });
  users.city = cityUser!.id;
  users.yongxing = (await one(sql`select id from identity.users where tenant_id = ${YONGXING.tenantId} and username = '13800000005'`)).id!;
  users.rucheng = (await one(sql`select id from identity.users where tenant_id = ${RUCHENG.tenantId} and username = '13900000001'`)).id!;
});
afterAll(() => h.close());

describe("the city's view, across identity and the services", () => {
  it('both counties give the grant; once relayed, every service lists both to the city', async () => {
    for (const [tenantId, userId] of [[YONGXING.tenantId, users.yongxing], [RUCHENG.tenantId, users.rucheng]] as const) {
      expect((await h.mutate('/api/identity/trpc/cityGrant.give', { as: department(tenantId, userId) })).error).toBeNull();
    }
    await relayAll(h.database);
    for (const service of SERVICES) expect(await counties(service)).toEqual([YONGXING.tenantId, RUCHENG.tenantId]);
    for (const service of SERVICES) {
      const overview = await h.query(`/api/${service}/trpc/rollups.countyOverview`, { as: city(), input: { countyId: YONGXING.tenantId, month: month() } });
      expect(overview.error).toBeNull();
    }
  });

  it("the city opens no member: a county's member procedures refuse it", async () => {
    const member = await one(sql`select id from roster.members where tenant_id = ${YONGXING.tenantId} limit 1`);
    expect((await h.query('/api/roster/trpc/members.list', { as: city(), input: {} })).error?.code).toBe('FORBIDDEN');
    expect((await h.query('/api/roster/trpc/members.get', { as: city(), input: { memberId: member.id } })).error?.code).toBe('FORBIDDEN');
    expect((await h.query('/api/roster/trpc/rollups.overview', { as: city(), input: { month: month() } })).error?.code).toBe('FORBIDDEN');
  });

  it("after 永兴's department revokes the grant, no service shows the city 永兴's figures", async () => {
    expect((await h.mutate('/api/identity/trpc/cityGrant.revoke', { as: department(YONGXING.tenantId, users.yongxing) })).error).toBeNull();
    await relayAll(h.database);
    for (const service of SERVICES) {
      expect(await counties(service)).toEqual([RUCHENG.tenantId]);
      const overview = await h.query(`/api/${service}/trpc/rollups.countyOverview`, { as: city(), input: { countyId: YONGXING.tenantId, month: month() } });
      expect(overview.error?.code).toBe('NOT_FOUND');
    }
  });
});
