import { maskIdCard, withCheckDigit } from '@tongxin/ledger';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { migrations } from '../migrations.ts';
import { orgDirectory } from '../schema.ts';
import { callers, ownerReads } from '../testing/callers.ts';
import { seedRoster } from '../testing/roster-fixture.ts';

// Issue 13, class B: the snapshot a transfer carries shows the ID-card number masked to
// every reader, and another county reads it only while the transfer is open, at its deciding
// level; a cancelled or refused transfer keeps only the orgs.
let h: ServiceHarness;
let ids: Record<string, string>;
let as: ReturnType<typeof callers>;
let db: ReturnType<typeof ownerReads>;
let caoDesheng: string;
let liMing: string;
const ID_DESHENG = withCheckDigit('43102319700101123');
const ID_LIMING = withCheckDigit('43102319850505456');

const trpc = (name: string) => `/api/roster/trpc/transfers.${name}`;
const snapshotOf = async (id: string) => (await db.rows(sql`select ledger from roster.transfers where id = ${id}`))[0]!.ledger as Record<string, unknown>;

beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  ({ ids } = await seedRoster(h.database));
  as = callers(ids);
  db = ownerReads(h.database);
  caoDesheng = await db.memberId('曹德胜');
  liMing = await db.memberId('李明');
  await h.database.owner.execute(sql`update roster.members set id_card_number = ${ID_DESHENG}, birth_date = '1970-01-01', phone = '13800002222' where id = ${caoDesheng}`);
  await h.database.owner.execute(sql`update roster.members set id_card_number = ${ID_LIMING}, birth_date = '1985-05-05', phone = '13800001111' where id = ${liMing}`);
  await h.database.owner.insert(orgDirectory).values({ tenantId: 'rc', orgId: ids.rcDepartment!, kind: 'department', name: '汝城县委组织部', province: '湖南', city: '郴州' });
});
afterAll(() => h.close());

describe('a transfer within the county', () => {
  let transferId: string;

  it('neither the requesting secretary nor the sibling branch that receives reads the full ID-card number through transfers.get', async () => {
    const request = await h.mutate(trpc('request'), { as: as.secretaryOf('yongshui'), input: { memberId: caoDesheng, toOrgId: ids.yongshuiMobile, idempotencyKey: 'snapshot-desheng-1' } });
    expect(request.error).toBeNull();
    transferId = request.data.transferId;
    expect(await snapshotOf(transferId)).toMatchObject({ idCardNumber: ID_DESHENG });
    for (const caller of [as.secretaryOf('yongshui'), as.secretaryOf('yongshuiMobile'), as.secretaryOf('matian'), as.department()]) {
      const got = await h.query(trpc('get'), { as: caller, input: { transferId } });
      expect(got.error).toBeNull();
      expect(got.data.ledger).toMatchObject({ name: '曹德胜', idCardNumber: maskIdCard(ID_DESHENG) });
      expect(JSON.stringify(got.data)).not.toContain(ID_DESHENG);
    }
    // Nothing was read in full, so nothing was logged.
    expect(await db.count('sensitive_reads')).toBe(0);
  });

  it('the full number stays behind members.revealIdCard, which logs the read', async () => {
    const revealed = await h.mutate('/api/roster/trpc/members.revealIdCard', { as: as.secretaryOf('yongshui'), input: { memberId: caoDesheng } });
    expect(revealed.data).toEqual({ idCardNumber: ID_DESHENG });
    expect(await db.count('sensitive_reads')).toBe(1);
  });

  it('cancelling erases the personal fields of the snapshot and keeps the orgs; the origin still sees whose transfer it was', async () => {
    expect((await h.mutate(trpc('cancel'), { as: as.secretaryOf('yongshui'), input: { transferId } })).data).toEqual({ status: 'cancelled' });
    expect(await snapshotOf(transferId)).toEqual({ fromTenantId: 'yx', fromBranch: expect.any(String), fromTownship: expect.any(String) });
    const got = await h.query(trpc('get'), { as: as.secretaryOf('yongshui'), input: { transferId } });
    expect(got.data).toMatchObject({ memberName: '曹德胜', status: 'cancelled', ledger: { fromTenantId: 'yx' } });
    expect(got.data.ledger.idCardNumber).toBeNull();
  });
});

describe('a transfer to another county', () => {
  let transferId: string;

  it('while open, the receiving department reads the snapshot with the ID-card number masked; its secretaries read nothing', async () => {
    const request = await h.mutate(trpc('request'), { as: as.memberAs('user-liming', 'yongshuiMobile'), input: { toTenantId: 'rc', toOrgId: ids.rcDepartment, idempotencyKey: 'snapshot-liming-1' } });
    transferId = request.data.transferId;
    expect((await h.mutate(trpc('approve'), { as: as.secretaryOf('yongshuiMobile'), input: { transferId } })).data).toEqual({ status: 'origin_approved' });
    expect((await h.mutate(trpc('approve'), { as: as.department(), input: { transferId } })).data).toEqual({ status: 'township_approved' });
    const got = await h.query(trpc('get'), { as: as.department('rc'), input: { transferId } });
    expect(got.data.ledger).toMatchObject({ name: '李明', phone: '13800001111', idCardNumber: maskIdCard(ID_LIMING) });
    expect(JSON.stringify(got.data)).not.toContain(ID_LIMING);
    expect((await h.query(trpc('get'), { as: as.secretaryOf('reshui', 'rc'), input: { transferId } })).error?.code).toBe('NOT_FOUND');
  });

  it('once the member cancels a transfer both levels approved, the receiving county reads nothing personal, and the row keeps nothing of it', async () => {
    expect((await h.mutate(trpc('cancel'), { as: as.memberAs('user-liming', 'yongshuiMobile'), input: { transferId } })).data).toEqual({ status: 'cancelled' });
    const got = await h.query(trpc('get'), { as: as.department('rc'), input: { transferId } });
    expect(got.data).toMatchObject({ status: 'cancelled', memberName: '', ledger: { fromTenantId: 'yx', fromTownship: '马田镇' } });
    const inbox = await h.query(trpc('inbox'), { as: as.department('rc'), input: {} });
    for (const answer of [got.data, inbox.data]) {
      for (const secret of ['李明', ID_LIMING, ID_LIMING.slice(-4), '13800001111', '1985-05-05']) expect(JSON.stringify(answer)).not.toContain(secret);
    }
    const stored = JSON.stringify(await snapshotOf(transferId));
    for (const secret of ['李明', ID_LIMING, '13800001111', '1985-05-05']) expect(stored).not.toContain(secret);
  });

  it('a transfer the receiving department refuses is erased the same way', async () => {
    const request = await h.mutate(trpc('request'), { as: as.memberAs('user-liming', 'yongshuiMobile'), input: { toTenantId: 'rc', toOrgId: ids.rcDepartment, idempotencyKey: 'snapshot-liming-2' } });
    transferId = request.data.transferId;
    await h.mutate(trpc('approve'), { as: as.secretaryOf('yongshuiMobile'), input: { transferId } });
    await h.mutate(trpc('approve'), { as: as.department(), input: { transferId } });
    expect((await h.mutate(trpc('reject'), { as: as.department('rc'), input: { transferId, reason: '不在本县居住' } })).data).toEqual({ status: 'rejected' });
    expect(await snapshotOf(transferId)).toEqual({ fromTenantId: 'yx', fromBranch: expect.any(String), fromTownship: '马田镇' });
    const got = await h.query(trpc('get'), { as: as.department('rc'), input: { transferId } });
    expect(JSON.stringify(got.data)).not.toContain('李明');
    // The origin still knows whose transfer was refused, from its own member row.
    expect((await h.query(trpc('get'), { as: as.memberAs('user-liming', 'yongshuiMobile'), input: { transferId } })).data.memberName).toBe('李明');
  });
});
