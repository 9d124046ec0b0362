import type { RoleGrant } from '@tongxin/auth';
import { LEVEL_ABOVE_DECIDES, SEAT_COOLING_OFF_MS } from '@tongxin/trpc';
import type { ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relayAll } from './relays.ts';
import { createPlatformHarness } from './testing/platform-harness.ts';

// Issue 13 C, the attack as it was made: branch secretary 曹建国 (13800000002) appointed member
// 曹志勇 (13800000006) deputy of his own branch, and each then credited the other +100 points.
// Then: the deputy stepped down, the secretary credited him as an ordinary member, and
// re-appointed him, at will; a seat ended within the cooling-off now still counts.
const YX = '431023';
let h: ServiceHarness;
let branchId: string;
let townshipId: string;
const person = { s2: { userId: '', memberId: '' }, m6: { userId: '', memberId: '' } };
const one = async (query: ReturnType<typeof sql>) => (await h.database.owner.execute(query)).rows[0] as Record<string, string>;

beforeAll(async () => {
  h = await createPlatformHarness({ members: 20 });
  branchId = (await one(sql`select id from roster.orgs where tenant_id = ${YX} and name = '涌水村流动党员党支部'`)).id!;
  townshipId = (await one(sql`select id from roster.orgs where tenant_id = ${YX} and name = '马田镇党委'`)).id!;
  for (const [key, username] of [['s2', '13800000002'], ['m6', '13800000006']] as const) {
    const row = await one(sql`select u.id as user_id, m.id as member_id from identity.users u join roster.members m on m.tenant_id = u.tenant_id and m.user_id = u.id::text
      where u.tenant_id = ${YX} and u.username = ${username}`);
    person[key] = { userId: row.user_id!, memberId: row.member_id! };
  }
});
afterAll(() => h.close());

const seated = (key: keyof typeof person) => ({
  tenantId: YX, userId: person[key].userId, roles: [{ role: 'secretary', orgId: branchId }, { role: 'member', orgId: branchId }] as RoleGrant[],
});
const correct = (as: ReturnType<typeof seated>, memberId: string, key: string) =>
  h.mutate('/api/scoring/trpc/points.correct', { as, input: { memberId, points: 100, reason: '补记全年的活动', idempotencyKey: key } });
const corrections = async () => Number((await one(sql`select count(*)::int as n from scoring.points_ledger where kind = 'correction'`)).n);

describe('the level above decides, across identity and scoring', () => {
  it('a deputy the branch secretary appointed cannot credit him, nor he the deputy; the township can', async () => {
    const appointed = await h.mutate('/api/identity/trpc/roles.appoint', {
      as: { tenantId: YX, userId: person.s2.userId, roles: [{ role: 'secretary', orgId: branchId }] as RoleGrant[] },
      input: { orgId: branchId, memberId: person.m6.memberId, title: 'deputy' },
    });
    expect(appointed.error).toBeNull();
    // identity announces the deputy's seats; scoring's copy follows once the outbox is relayed.
    await relayAll(h.database);
    expect(await one(sql`select count(*)::int as n from scoring.seats where tenant_id = ${YX} and user_id = ${person.m6.userId} and org_id = ${branchId}`)).toEqual({ n: 1 });

    const before = await corrections();
    expect((await correct(seated('m6'), person.s2.memberId, 'attack-m6-credits-s2')).error).toMatchObject({ code: 'FORBIDDEN', message: LEVEL_ABOVE_DECIDES });
    expect((await correct(seated('s2'), person.m6.memberId, 'attack-s2-credits-m6')).error).toMatchObject({ code: 'FORBIDDEN', message: LEVEL_ABOVE_DECIDES });
    expect(await corrections()).toBe(before);

    const township = { tenantId: YX, userId: 'township-check', roles: [{ role: 'secretary', orgId: townshipId }] as RoleGrant[] };
    expect((await correct(township, person.s2.memberId, 'township-credits-s2')).data).toMatchObject({ points: 100, created: true });
  });

  it('remove the seat, act, re-appoint: the deputy who stepped down is still decided about by the level above, in every copy, and re-appointed too', async () => {
    const branch = (key: keyof typeof person) => ({ tenantId: YX, userId: person[key].userId, roles: [{ role: 'secretary', orgId: branchId }] as RoleGrant[] });
    const credit = (key: string) => h.mutate('/api/scoring/trpc/points.correct', { as: branch('s2'), input: { memberId: person.m6.memberId, points: 40, reason: '补记支部活动', idempotencyKey: key } });
    const seatRows = () => h.database.owner.execute(sql`
      select 'roster' as copy, ended_at from roster.seats where tenant_id = ${YX} and user_id = ${person.m6.userId} and org_id = ${branchId}
      union all select 'reporting', ended_at from reporting.seats where tenant_id = ${YX} and user_id = ${person.m6.userId} and org_id = ${branchId}
      union all select 'tasks', ended_at from tasks.seats where tenant_id = ${YX} and user_id = ${person.m6.userId} and org_id = ${branchId}
      union all select 'scoring', ended_at from scoring.seats where tenant_id = ${YX} and user_id = ${person.m6.userId} and org_id = ${branchId} order by 1`);
    const before = await corrections();

    // The deputy removes his own seat (allowed); after the relay every copy keeps it, ended.
    const own = await one(sql`select id from identity.appointments where tenant_id = ${YX} and org_id = ${branchId} and user_id = ${person.m6.userId} and ended_at is null`);
    expect((await h.mutate('/api/identity/trpc/roles.remove', { as: branch('m6'), input: { appointmentId: own.id } })).error).toBeNull();
    await relayAll(h.database);
    const ended = (await seatRows()).rows as { copy: string; ended_at: Date | string | null }[];
    expect(ended.map((r) => [r.copy, r.ended_at !== null])).toEqual([['reporting', true], ['roster', true], ['scoring', true], ['tasks', true]]);
    // The secretary who appointed him may not credit him now, as an ordinary member of her branch.
    expect((await credit('stepped-down-s2-credits-m6')).error).toMatchObject({ code: 'FORBIDDEN', message: LEVEL_ABOVE_DECIDES });

    // Re-appointed: before the relay (the ended seat still counts) and after it (held again), still refused.
    const again = await h.mutate('/api/identity/trpc/roles.appoint', { as: branch('s2'), input: { orgId: branchId, memberId: person.m6.memberId, title: 'deputy' } });
    expect(again.error).toBeNull();
    expect((await credit('reappointed-before-relay')).error).toMatchObject({ code: 'FORBIDDEN', message: LEVEL_ABOVE_DECIDES });
    await relayAll(h.database);
    expect(((await seatRows()).rows as { ended_at: unknown }[]).map((r) => r.ended_at)).toEqual([null, null, null, null]);
    expect((await credit('reappointed-after-relay')).error).toMatchObject({ code: 'FORBIDDEN', message: LEVEL_ABOVE_DECIDES });
    expect(await corrections()).toBe(before);
  });

  it('a seat ended longer ago than the cooling-off no longer counts: the branch secretary decides about him as about any member', async () => {
    const current = await one(sql`select id from identity.appointments where tenant_id = ${YX} and org_id = ${branchId} and user_id = ${person.m6.userId} and ended_at is null`);
    const s2 = { tenantId: YX, userId: person.s2.userId, roles: [{ role: 'secretary', orgId: branchId }] as RoleGrant[] };
    expect((await h.mutate('/api/identity/trpc/roles.remove', { as: s2, input: { appointmentId: current.id } })).error).toBeNull();
    await relayAll(h.database);
    const input = { memberId: person.m6.memberId, points: 2, reason: '补记支部活动', idempotencyKey: 'after-cooling-off' };
    expect((await h.mutate('/api/scoring/trpc/points.correct', { as: s2, input })).error).toMatchObject({ code: 'FORBIDDEN', message: LEVEL_ABOVE_DECIDES });
    // The cooling-off passes (the end moved back past it).
    await h.database.owner.execute(sql`update scoring.seats set ended_at = now() - ${`${SEAT_COOLING_OFF_MS + 60_000} milliseconds`}::interval
      where tenant_id = ${YX} and user_id = ${person.m6.userId}`);
    expect((await h.mutate('/api/scoring/trpc/points.correct', { as: s2, input })).data).toMatchObject({ points: 2, created: true });
  });
});
