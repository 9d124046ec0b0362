import type { RoleGrant } from '@tongxin/auth';
import { LEVEL_ABOVE_DECIDES } from '@tongxin/trpc';
import type { ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relayAll } from './relays.ts';
import { createPlatformHarness } from './testing/platform-harness.ts';

// Issue 13 C, the attack as it was made: branch secretary 曹建国 (13800000002) appointed member
// 曹志勇 (13800000006) deputy of his own branch, and each then credited the other +100 points.
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

  it('once the deputy is removed, the branch secretary decides about him as about any member', async () => {
    const removed = await one(sql`select id from identity.appointments where tenant_id = ${YX} and org_id = ${branchId} and user_id = ${person.m6.userId} and ended_at is null`);
    const ended = await h.mutate('/api/identity/trpc/roles.remove', {
      as: { tenantId: YX, userId: person.s2.userId, roles: [{ role: 'secretary', orgId: branchId }] as RoleGrant[] },
      input: { appointmentId: removed.id },
    });
    expect(ended.error).toBeNull();
    await relayAll(h.database);
    expect(await one(sql`select count(*)::int as n from scoring.seats where tenant_id = ${YX} and user_id = ${person.m6.userId}`)).toEqual({ n: 0 });
    const s2 = { tenantId: YX, userId: person.s2.userId, roles: [{ role: 'secretary', orgId: branchId }] as RoleGrant[] };
    expect((await h.mutate('/api/scoring/trpc/points.correct', { as: s2, input: { memberId: person.m6.memberId, points: 2, reason: '补记支部活动', idempotencyKey: 'after-removal' } })).error).toBeNull();
  });
});
