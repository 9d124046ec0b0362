import type { RoleGrant } from '@tongxin/auth';
import { DECIDES_ABOUT_ONESELF, LEVEL_ABOVE_DECIDES } from '@tongxin/trpc';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { applyIdentityEventToRoster } from '../identity-events/apply-identity-event.ts';
import { migrations } from '../migrations.ts';
import { callers, ownerReads } from '../testing/callers.ts';
import { seedRoster } from '../testing/roster-fixture.ts';

// 李明, a member of 涌水村流动党员党支部, is also a secretary: of his own branch (the origin)
// and, in a second caller, of 龙潭村 (where he asks to go). He may decide neither step.
let h: ServiceHarness;
let ids: Record<string, string>;
let as: ReturnType<typeof callers>;
let db: ReturnType<typeof ownerReads>;
let transferId: string;

const trpc = (name: string) => `/api/roster/trpc/transfers.${name}`;
const both = (secretaryOf: string) => ({
  tenantId: 'yx', userId: 'user-liming', roles: [{ role: 'member', orgId: ids.yongshuiMobile! }, { role: 'secretary', orgId: ids[secretaryOf]! }] as RoleGrant[],
});
const status = async () => (await db.rows(sql`select status from roster.transfers where id = ${transferId}`))[0]!.status as string;

beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  ({ ids } = await seedRoster(h.database));
  as = callers(ids);
  db = ownerReads(h.database);
  const requested = await h.mutate(trpc('request'), { as: as.memberAs('user-liming', 'yongshuiMobile'), input: { toOrgId: ids.longtan, idempotencyKey: 'own-transfer-1' } });
  expect(requested.error).toBeNull();
  transferId = requested.data.transferId;
});
afterAll(() => h.close());

describe('nobody decides their own transfer', () => {
  it('the origin branch secretary who is the member may not approve or refuse it: FORBIDDEN; the department approves it', async () => {
    expect((await h.mutate(trpc('approve'), { as: both('yongshuiMobile'), input: { transferId } })).error).toMatchObject({ code: 'FORBIDDEN', message: DECIDES_ABOUT_ONESELF });
    expect((await h.mutate(trpc('reject'), { as: both('yongshuiMobile'), input: { transferId, reason: '我自己不同意' } })).error).toMatchObject({ code: 'FORBIDDEN', message: DECIDES_ABOUT_ONESELF });
    expect(await status()).toBe('requested');
    expect((await h.mutate(trpc('approve'), { as: as.department(), input: { transferId } })).data).toEqual({ status: 'origin_approved' });
    expect((await h.mutate(trpc('approve'), { as: as.secretaryOf('matian'), input: { transferId } })).data).toEqual({ status: 'township_approved' });
  });

  it('the receiving branch secretary who is the member may not accept it: FORBIDDEN, he stays; the department accepts it', async () => {
    expect((await h.mutate(trpc('accept'), { as: both('longtan'), input: { transferId } })).error).toMatchObject({ code: 'FORBIDDEN', message: DECIDES_ABOUT_ONESELF });
    expect(await status()).toBe('township_approved');
    expect((await db.member(await db.memberId('李明'))).branch_id).toBe(ids.yongshuiMobile);
    expect((await h.mutate(trpc('accept'), { as: as.department(), input: { transferId } })).data).toMatchObject({ status: 'accepted' });
    expect((await db.member(await db.memberId('李明'))).branch_id).toBe(ids.longtan);
  });
});

describe('a member who holds a seat is transferred by the level above (issue 13 C)', () => {
  it("the secretary of his own branch may not approve it, nor the receiving branch accept it: FORBIDDEN; the department and his township may", async () => {
    // 李明, now of 龙潭村, is its deputy secretary: identity announced his seat there.
    const seats = { id: crypto.randomUUID(), tenantId: 'yx', topic: 'identity.seats_changed', payload: { userId: 'user-liming', orgIds: [ids.longtan] }, createdAt: new Date() };
    expect(await applyIdentityEventToRoster(h.database, seats)).toBe('applied');
    expect(await applyIdentityEventToRoster(h.database, seats)).toBe('duplicate');
    const requested = await h.mutate(trpc('request'), { as: as.memberAs('user-liming', 'longtan'), input: { toOrgId: ids.yongshui, idempotencyKey: 'seated-transfer-1' } });
    expect(requested.error).toBeNull();
    const input = { transferId: requested.data.transferId };
    expect((await h.mutate(trpc('approve'), { as: as.secretaryOf('longtan'), input })).error).toMatchObject({ code: 'FORBIDDEN', message: LEVEL_ABOVE_DECIDES });
    expect((await h.mutate(trpc('approve'), { as: as.department(), input })).data).toEqual({ status: 'origin_approved' });
    expect((await h.mutate(trpc('approve'), { as: as.secretaryOf('huangcao'), input })).data).toEqual({ status: 'township_approved' });
    expect((await h.mutate(trpc('accept'), { as: as.secretaryOf('yongshui'), input })).error).toMatchObject({ code: 'FORBIDDEN', message: LEVEL_ABOVE_DECIDES });
    expect((await h.mutate(trpc('accept'), { as: as.department(), input })).data).toMatchObject({ status: 'accepted' });
  });
});
