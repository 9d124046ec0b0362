import type { RoleGrant } from '@tongxin/auth';
import { tenantTransaction } from '@tongxin/db';
import { parsePayload, TOPICS } from '@tongxin/events';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../migrations.ts';
import { tenants } from '../schema.ts';
import { addUser, onboardingApp } from '../testing/onboarding-fixture.ts';
import { cityGrantRouter } from './city-grant-router.ts';

// Real division codes: a city's id ends in 00 and only a county's department grants (issue 15).
const CITY = '431000';
const YONGXING = '431023';
const RUCHENG = '431026';
const BRANCH = '00000000-0000-4000-8000-000000000901';

let h: ServiceHarness;
const u = { department: '', secretary: '', member: '', rcDepartment: '', city: '' };
type Who = { userId: string; tenantId: string; roles: RoleGrant[] };
const as = {
  department: (): Who => ({ userId: u.department, tenantId: YONGXING, roles: [{ role: 'department' }] }),
  secretary: (): Who => ({ userId: u.secretary, tenantId: YONGXING, roles: [{ role: 'secretary', orgId: BRANCH }, { role: 'member', orgId: BRANCH }] }),
  member: (): Who => ({ userId: u.member, tenantId: YONGXING, roles: [{ role: 'member', orgId: BRANCH }] }),
  rcDepartment: (): Who => ({ userId: u.rcDepartment, tenantId: RUCHENG, roles: [{ role: 'department' }] }),
  city: (): Who => ({ userId: u.city, tenantId: CITY, roles: [{ role: 'department' }] }),
};
const get = (who: Who) => h.query('/api/identity/trpc/cityGrant.get', { as: who });
const give = (who: Who) => h.mutate('/api/identity/trpc/cityGrant.give', { as: who });
const revoke = (who: Who) => h.mutate('/api/identity/trpc/cityGrant.revoke', { as: who });
const rows = async (query: ReturnType<typeof sql>) => (await h.database.owner.execute(query)).rows;
const events = async (tenantId: string) =>
  (await rows(sql`select payload from identity.outbox where tenant_id = ${tenantId} and topic = ${TOPICS.identity.cityGrantChanged} order by created_at, id`)).map((r) =>
    parsePayload(TOPICS.identity.cityGrantChanged, r.payload),
  );

beforeAll(async () => {
  h = await createServiceHarness(onboardingApp({ cityGrant: cityGrantRouter }), [migrations]);
  await h.database.owner.insert(tenants).values([
    { id: CITY, name: '郴州市', kind: 'city' },
    { id: YONGXING, name: '永兴县', kind: 'county', cityId: CITY },
    { id: RUCHENG, name: '汝城县', kind: 'county', cityId: CITY },
  ]);
  u.department = await addUser(h.database, YONGXING, '13800000005', '周秀英', [{ role: 'department' }]);
  u.secretary = await addUser(h.database, YONGXING, '13800000002', '曹建国', [{ role: 'secretary', orgId: BRANCH }]);
  u.member = await addUser(h.database, YONGXING, '13800000001', '李明', [{ role: 'member', orgId: BRANCH }]);
  u.rcDepartment = await addUser(h.database, RUCHENG, '13900000001', '朱红梅', [{ role: 'department' }]);
  u.city = await addUser(h.database, CITY, '13600000001', '郴州市委组织部', [{ role: 'department' }]);
});
afterAll(() => h.close());

describe("a county's grant to its city", () => {
  it('the department gives it to its own city once: a retried give changes nothing', async () => {
    expect((await get(as.department())).data).toEqual({ city: { id: CITY, name: '郴州市' }, grant: null });
    const given = await give(as.department());
    expect(given.status).toBe(200);
    expect(given.data).toEqual({ city: { id: CITY, name: '郴州市' }, grant: { givenAt: h.clock.now.toISOString(), givenBy: '周秀英' } });
    expect((await give(as.department())).data).toEqual(given.data);

    expect(await rows(sql`select city_id, given_by::text, revoked_at from identity.city_grants where tenant_id = ${YONGXING}`)).toEqual([{ city_id: CITY, given_by: u.department, revoked_at: null }]);
    expect(await events(YONGXING)).toEqual([{ cityId: CITY, granted: true, at: h.clock.now.toISOString() }]);
    expect(await rows(sql`select kind::text, actor_user_id::text, detail from identity.audit_events where tenant_id = ${YONGXING} and kind = 'city_grant_given'`)).toEqual([
      { kind: 'city_grant_given', actor_user_id: u.department, detail: { cityId: CITY } },
    ]);
  });

  it('the department revokes it: the row is kept with who revoked it, and a second revoke changes nothing', async () => {
    h.clock.now = new Date(h.clock.now.getTime() + 60_000);
    const revoked = await revoke(as.department());
    expect(revoked.data).toEqual({ city: { id: CITY, name: '郴州市' }, grant: null });
    expect((await revoke(as.department())).status).toBe(200);
    expect(await rows(sql`select revoked_by::text, revoked_at = ${h.clock.now.toISOString()}::timestamptz as at_now from identity.city_grants where tenant_id = ${YONGXING}`)).toEqual([{ revoked_by: u.department, at_now: true }]);
    expect((await events(YONGXING)).map((e) => e.granted)).toEqual([true, false]);
    expect(await rows(sql`select count(*)::int as n from identity.audit_events where tenant_id = ${YONGXING} and kind = 'city_grant_revoked'`)).toEqual([{ n: 1 }]);
  });

  it('a grant given again is a new row: the history keeps the revoked one', async () => {
    h.clock.now = new Date(h.clock.now.getTime() + 60_000);
    expect((await give(as.department())).data.grant).not.toBeNull();
    expect(await rows(sql`select count(*)::int as n, count(revoked_at)::int as revoked from identity.city_grants where tenant_id = ${YONGXING}`)).toEqual([{ n: 2, revoked: 1 }]);
    expect((await events(YONGXING)).map((e) => e.granted)).toEqual([true, false, true]);
  });

  it('a secretary or a member is FORBIDDEN, and nothing changes', async () => {
    for (const who of [as.secretary(), as.member()]) {
      expect((await revoke(who)).error?.code).toBe('FORBIDDEN');
      expect((await give(who)).error?.code).toBe('FORBIDDEN');
      expect((await get(who)).error?.code).toBe('FORBIDDEN');
    }
    expect((await get(as.department())).data.grant).not.toBeNull();
  });

  it("the city's own department cannot give or revoke a county's grant", async () => {
    expect((await revoke(as.city())).error).toMatchObject({ code: 'FORBIDDEN' });
    expect((await give(as.city())).error).toMatchObject({ code: 'FORBIDDEN' });
    expect((await get(as.department())).data.grant).not.toBeNull();
  });

  it("another county's department touches only its own grant", async () => {
    expect((await get(as.rcDepartment())).data.grant).toBeNull();
    expect((await revoke(as.rcDepartment())).status).toBe(200);
    expect((await get(as.department())).data.grant).not.toBeNull();
    expect((await give(as.rcDepartment())).data.grant).not.toBeNull();
    expect(await rows(sql`select tenant_id from identity.city_grants where revoked_at is null order by tenant_id`)).toEqual([{ tenant_id: YONGXING }, { tenant_id: RUCHENG }]);
    expect(await events(RUCHENG)).toHaveLength(1);
  });

  it("a secretary's transaction cannot write a grant, whatever SQL it runs", async () => {
    const attempt = await tenantTransaction(h.database, { tenantId: YONGXING, userId: u.secretary, orgIds: [BRANCH] }, (tx) =>
      tx.execute(sql`update identity.city_grants set revoked_at = now(), revoked_by = ${u.secretary} where tenant_id = ${YONGXING} and revoked_at is null returning 1`),
    );
    expect(attempt.rows).toHaveLength(0);
    expect((await get(as.department())).data.grant).not.toBeNull();
  });
});
