import type { RoleGrant } from '@tongxin/auth';
import { tenantTransaction } from '@tongxin/db';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { migrations } from '../migrations.ts';
import { checkinSettings, members, orgDirectory } from '../schema.ts';

// 永兴县 'yx' chooses what its members' check-ins share; 汝城县 'rc' chooses nothing; both
// send members to 广州, to a flow branch of 桂东县 'gd'.
let h: ServiceHarness;
const id = () => crypto.randomUUID();
const o = { yxDepartment: id(), yongshui: id(), rcDepartment: id(), reshui: id(), gdDepartment: id(), gdFlow: id() };
const path = (...keys: (keyof typeof o)[]) => `/${keys.map((k) => o[k]).join('/')}/`;
const memberIds = { liming: id(), zhu: id() };

const member = (userId: string, org: keyof typeof o, tenantId: string) => ({ tenantId, userId, roles: [{ role: 'member', orgId: o[org] }] as RoleGrant[] });
const secretaryOf = (org: keyof typeof o, tenantId = 'yx') => ({ tenantId, userId: `sec-${org}`, roles: [{ role: 'secretary', orgId: o[org] }] as RoleGrant[] });
const department = (tenantId = 'yx') => ({ tenantId, userId: `dep-${tenantId}`, roles: [{ role: 'department' }] as RoleGrant[] });

const trpc = (name: string) => `/api/reporting/trpc/checkinSettings.${name}`;
const DEFAULTS = ['destinationCity', 'employer', 'occupation', 'residentialAddress', 'destinationPhone'];
const ALLOWED = ['destinationProvince', 'destinationCity', 'employer', 'occupation', 'residentialAddress', 'destinationPhone', 'destinationOrgName'];
const saved = async () =>
  (await h.database.owner.execute(sql`select tenant_id, grant_fields, updated_by from reporting.checkin_settings order by tenant_id`)).rows;
const toGdFlow = (key: string) => ({
  destTenantId: 'gd', destOrgId: o.gdFlow, idempotencyKey: key,
});

beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  await h.database.owner.insert(orgDirectory).values({ tenantId: 'gd', orgId: o.gdFlow, name: '桂东县驻广州流动党员党支部', path: path('gdDepartment', 'gdFlow') });
  await h.database.owner.insert(members).values([
    { tenantId: 'yx', memberId: memberIds.liming, userId: 'user-liming', name: '李明', branchId: o.yongshui, orgPath: path('yxDepartment', 'yongshui'), status: 'mobile' },
    { tenantId: 'rc', memberId: memberIds.zhu, userId: 'user-zhu', name: '朱建国', branchId: o.reshui, orgPath: path('rcDepartment', 'reshui'), status: 'mobile' },
  ]);
});
afterAll(() => h.close());

describe('checkinSettings: which ledger fields a check-in grants by default', () => {
  it('the department reads the defaults with what it may choose from, saves its own choice and reads it back', async () => {
    expect((await h.query(trpc('get'), { as: department() })).data).toEqual({ grantFields: DEFAULTS, allowed: ALLOWED, updatedAt: null });
    // Sent in any order, kept in the ledger's order.
    const save = await h.mutate(trpc('save'), { as: department(), input: { grantFields: ['employer', 'destinationCity', 'destinationProvince'] } });
    expect(save.error).toBeNull();
    expect(save.data).toMatchObject({ grantFields: ['destinationProvince', 'destinationCity', 'employer'], allowed: ALLOWED });
    expect((await h.query(trpc('get'), { as: department() })).data).toMatchObject({ grantFields: ['destinationProvince', 'destinationCity', 'employer'], updatedAt: h.clock.now.toISOString() });
    expect(await saved()).toEqual([{ tenant_id: 'yx', grant_fields: ['destinationProvince', 'destinationCity', 'employer'], updated_by: 'dep-yx' }]);
  });

  it("another county does not see this county's choice: it keeps the defaults", async () => {
    expect((await h.query(trpc('get'), { as: department('rc') })).data).toEqual({ grantFields: DEFAULTS, allowed: ALLOWED, updatedAt: null });
  });

  it('a branch secretary and a member may neither read nor change it, and nothing changes', async () => {
    for (const who of [secretaryOf('yongshui'), member('user-liming', 'yongshui', 'yx')]) {
      expect((await h.query(trpc('get'), { as: who })).error?.code).toBe('FORBIDDEN');
      expect((await h.mutate(trpc('save'), { as: who, input: { grantFields: ALLOWED } })).error?.code).toBe('FORBIDDEN');
    }
    expect(await saved()).toEqual([{ tenant_id: 'yx', grant_fields: ['destinationProvince', 'destinationCity', 'employer'], updated_by: 'dep-yx' }]);
  });

  it('an unknown field, a personal field, a list without the destination city or an empty list is BAD_REQUEST naming grantFields, and nothing changes', async () => {
    const bad = [
      ['destinationCity', 'favouriteFood'],
      ['destinationCity', 'idCardNumber'],
      ['destinationCity', 'birthDate'],
      ['destinationCity', 'destinationOrgLeader'],
      ['destinationCity', 42],
      ['employer', 'occupation'],
      [],
      ['destinationCity', 'destinationCity'],
    ];
    for (const grantFields of bad) {
      const result = await h.mutate(trpc('save'), { as: department(), input: { grantFields } });
      expect({ grantFields, error: result.error }).toMatchObject({ grantFields, error: { code: 'BAD_REQUEST', fields: { grantFields: expect.any(String) } } });
    }
    expect((await h.mutate(trpc('save'), { as: department(), input: { grantFields: ['destinationCity', 'idCardNumber'] } })).error?.fields)
      .toEqual({ grantFields: 'field_not_grantable' });
    expect((await h.mutate(trpc('save'), { as: department(), input: {} })).error?.fields).toHaveProperty('grantFields');
    expect(await saved()).toEqual([{ tenant_id: 'yx', grant_fields: ['destinationProvince', 'destinationCity', 'employer'], updated_by: 'dep-yx' }]);
  });

  it("a check-in requested after a save carries the member's county's fields; another county's members share its defaults", async () => {
    const liming = await h.mutate('/api/reporting/trpc/checkins.request', { as: member('user-liming', 'yongshui', 'yx'), input: toGdFlow('liming-gd-1') });
    const zhu = await h.mutate('/api/reporting/trpc/checkins.request', { as: member('user-zhu', 'reshui', 'rc'), input: toGdFlow('zhu-gd-1') });
    expect(liming.error).toBeNull();
    expect(zhu.error).toBeNull();
    expect((await h.query('/api/reporting/trpc/checkins.mine', { as: member('user-liming', 'yongshui', 'yx') })).data)
      .toEqual([expect.objectContaining({ id: liming.data.checkinId, grantFields: ['destinationProvince', 'destinationCity', 'employer'] })]);
    expect((await h.query('/api/reporting/trpc/checkins.mine', { as: member('user-zhu', 'reshui', 'rc') })).data)
      .toEqual([expect.objectContaining({ id: zhu.data.checkinId, grantFields: DEFAULTS })]);
  });

  it('a later save changes no check-in already requested', async () => {
    expect((await h.mutate(trpc('save'), { as: department(), input: { grantFields: ALLOWED } })).error).toBeNull();
    const [row] = (await h.database.owner.execute(sql`select grant_fields from reporting.checkins where member_id = ${memberIds.liming}`)).rows;
    expect(row).toEqual({ grant_fields: ['destinationProvince', 'destinationCity', 'employer'] });
  });

  it("only the county's tenant-wide work writes the setting, even past the procedures (row policies)", async () => {
    const asMember = { tenantId: 'yx', userId: 'user-liming', orgIds: [o.yongshui], tenantWide: false };
    const updated = await tenantTransaction(h.database, asMember, (tx) =>
      tx.update(checkinSettings).set({ grantFields: ['destinationCity', 'residentialAddress'] }).where(sql`tenant_id = 'yx'`).returning({ tenantId: checkinSettings.tenantId }),
    );
    expect(updated).toEqual([]);
    await expect(tenantTransaction(h.database, { tenantId: 'rc', userId: 'user-zhu', orgIds: [o.reshui], tenantWide: false }, (tx) =>
      tx.insert(checkinSettings).values({ tenantId: 'rc', grantFields: ['destinationCity'] }),
    )).rejects.toThrow();
    // A member's transaction reads its own county's choice (a request applies it); another county, even tenant-wide, none.
    const read = (scope: Parameters<typeof tenantTransaction>[1]) =>
      tenantTransaction(h.database, scope, (tx) => tx.select({ tenantId: checkinSettings.tenantId }).from(checkinSettings));
    expect(await read(asMember)).toEqual([{ tenantId: 'yx' }]);
    expect(await read({ tenantId: 'rc', userId: 'dep-rc', tenantWide: true })).toEqual([]);
    expect(await saved()).toEqual([{ tenant_id: 'yx', grant_fields: ALLOWED, updated_by: 'dep-yx' }]);
  });
});
