import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { migrations } from '../migrations.ts';
import { callers, ownerReads } from '../testing/callers.ts';
import { seedRoster } from '../testing/roster-fixture.ts';

// A transfer within one county: 曹德胜 from 涌水村 (马田镇) to 龙潭村 (黄草镇).
let h: ServiceHarness;
let ids: Record<string, string>;
let as: ReturnType<typeof callers>;
let db: ReturnType<typeof ownerReads>;
let caoDesheng: string;
let caoChunsheng: string;
let liMing: string;

const trpc = (name: string) => `/api/roster/trpc/transfers.${name}`;

beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  ({ ids } = await seedRoster(h.database));
  as = callers(ids);
  db = ownerReads(h.database);
  caoDesheng = await db.memberId('曹德胜');
  caoChunsheng = await db.memberId('曹春生');
  liMing = await db.memberId('李明');
});
afterAll(() => h.close());

const transferRow = async (id: string) => (await db.rows(sql`select status, steps, to_path, new_member_id from roster.transfers where id = ${id}`))[0];

describe('transfers.request', () => {
  it('bad targets are BAD_REQUEST naming toOrgId and create nothing: unknown org, a committee, the current branch', async () => {
    for (const toOrgId of [crypto.randomUUID(), ids.huangcao, ids.yongshui]) {
      const result = await h.mutate(trpc('request'), { as: as.secretaryOf('yongshui'), input: { memberId: caoDesheng, toOrgId, idempotencyKey: `bad-${toOrgId}` } });
      expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { toOrgId: expect.any(String) } });
    }
    expect(await db.count('transfers')).toBe(0);
  });

  it('a secretary of another branch cannot ask for this member (NOT_FOUND); an account with no member, secretary or department role is FORBIDDEN', async () => {
    const input = { memberId: caoDesheng, toOrgId: ids.longtan, idempotencyKey: 'transfer-foreign-1' };
    expect((await h.mutate(trpc('request'), { as: as.secretaryOf('longtan'), input })).error?.code).toBe('NOT_FOUND');
    expect((await h.mutate(trpc('request'), { as: as.secretaryOf('yongshui', 'rc'), input })).error?.code).toBe('NOT_FOUND');
    expect((await h.mutate(trpc('request'), { as: as.admin(), input })).error?.code).toBe('FORBIDDEN');
    expect(await db.count('transfers')).toBe(0);
  });

  it('the branch secretary asks once, however often the request is retried; a second open transfer is refused', async () => {
    const input = { memberId: caoDesheng, toOrgId: ids.longtan, reason: '婚后定居龙潭村', idempotencyKey: 'transfer-desheng-1' };
    const first = await h.mutate(trpc('request'), { as: as.secretaryOf('yongshui'), input });
    const retry = await h.mutate(trpc('request'), { as: as.secretaryOf('yongshui'), input });
    expect(first.data).toEqual({ transferId: expect.any(String) });
    expect(retry.data).toEqual(first.data);
    const second = await h.mutate(trpc('request'), { as: as.secretaryOf('matian'), input: { ...input, toOrgId: ids.shenzhen, idempotencyKey: 'transfer-desheng-2' } });
    expect(second.error).toMatchObject({ code: 'BAD_REQUEST', fields: { memberId: 'transfer_open' } });
    expect(await db.count('transfers')).toBe(1);
    expect(await transferRow(first.data.transferId)).toMatchObject({ status: 'requested', steps: [{ step: 'requested', by: 'sec-yongshui', note: '婚后定居龙潭村' }] });
  });

  it('a member asks for themself', async () => {
    const result = await h.mutate(trpc('request'), { as: as.memberAs('user-liming', 'yongshuiMobile'), input: { toOrgId: ids.shenzhen, idempotencyKey: 'transfer-liming-1' } });
    expect(result.error).toBeNull();
    const [row] = await db.rows(sql`select member_id, requested_by_role, ledger->>'name' as name from roster.transfers where id = ${result.data.transferId}`);
    expect(row).toEqual({ member_id: liMing, requested_by_role: 'member', name: '李明' });
  });
});

describe('a transfer within the county, step by step', () => {
  let transferId: string;
  beforeAll(async () => {
    transferId = (await db.rows(sql`select id from roster.transfers where member_id = ${caoDesheng}`))[0]!.id;
  });

  it('the inbox shows who must act: the origin branch first', async () => {
    const origin = await h.query(trpc('inbox'), { as: as.secretaryOf('yongshui'), input: {} });
    expect(origin.data).toEqual([expect.objectContaining({ id: transferId, memberName: '曹德胜', fromBranch: '涌水村党支部', toTenantId: 'yx', toName: '龙潭村党支部', status: 'requested', direction: 'outgoing', needsMyAction: true })]);
    const receiving = await h.query(trpc('inbox'), { as: as.secretaryOf('longtan'), input: {} });
    expect(receiving.data).toEqual([expect.objectContaining({ id: transferId, direction: 'incoming', needsMyAction: false })]);
    expect((await h.query(trpc('inbox'), { as: as.admin(), input: {} })).error?.code).toBe('FORBIDDEN');
  });

  it('the township or the receiving branch cannot take the origin branch\'s step (FORBIDDEN)', async () => {
    expect((await h.mutate(trpc('approve'), { as: as.secretaryOf('matian'), input: { transferId } })).error?.code).toBe('FORBIDDEN');
    expect((await h.mutate(trpc('approve'), { as: as.secretaryOf('longtan'), input: { transferId } })).error?.code).toBe('FORBIDDEN');
    expect((await h.mutate(trpc('approve'), { as: as.memberAs('user-liming', 'yongshuiMobile'), input: { transferId } })).error?.code).toBe('FORBIDDEN');
    expect((await transferRow(transferId)).status).toBe('requested');
  });

  it('accepting before the township approved is BAD_REQUEST', async () => {
    const result = await h.mutate(trpc('accept'), { as: as.secretaryOf('longtan'), input: { transferId } });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { transferId: 'transfer_not_approved' } });
  });

  it('the origin branch approves, then the township above it (the branch may not take step 2)', async () => {
    expect((await h.mutate(trpc('approve'), { as: as.secretaryOf('yongshui'), input: { transferId, note: '同意' } })).data).toEqual({ status: 'origin_approved' });
    expect((await h.mutate(trpc('approve'), { as: as.secretaryOf('yongshui'), input: { transferId } })).error?.code).toBe('FORBIDDEN');
    expect((await h.mutate(trpc('approve'), { as: as.secretaryOf('huangcao'), input: { transferId } })).error?.code).toBe('FORBIDDEN');
    expect((await h.mutate(trpc('approve'), { as: as.secretaryOf('matian'), input: { transferId } })).data).toEqual({ status: 'township_approved' });
    expect((await transferRow(transferId)).steps.map((s: { step: string; by: string }) => `${s.step}:${s.by}`)).toEqual([
      'requested:sec-yongshui', 'origin_approved:sec-yongshui', 'township_approved:sec-matian',
    ]);
  });

  it('another county cannot see it (NOT_FOUND); the origin branch cannot accept (FORBIDDEN)', async () => {
    expect((await h.query(trpc('get'), { as: as.department('rc'), input: { transferId } })).error?.code).toBe('NOT_FOUND');
    expect((await h.mutate(trpc('accept'), { as: as.department('rc'), input: { transferId } })).error?.code).toBe('NOT_FOUND');
    expect((await h.mutate(trpc('accept'), { as: as.secretaryOf('yongshui'), input: { transferId } })).error?.code).toBe('FORBIDDEN');
  });

  it('the receiving branch accepts: the member moves there with history, and leaves the origin\'s view', async () => {
    const inbox = await h.query(trpc('inbox'), { as: as.secretaryOf('longtan'), input: {} });
    expect(inbox.data[0]).toMatchObject({ id: transferId, status: 'township_approved', needsMyAction: true });
    const first = await h.mutate(trpc('accept'), { as: as.secretaryOf('longtan'), input: { transferId } });
    const retry = await h.mutate(trpc('accept'), { as: as.secretaryOf('longtan'), input: { transferId } });
    expect(first.data).toEqual({ status: 'accepted', memberId: caoDesheng });
    expect(retry.data).toEqual(first.data);
    expect(await db.member(caoDesheng)).toMatchObject({ branch_id: ids.longtan, org_path: expect.stringContaining(ids.huangcao!), status: 'resident' });
    const versions = (await db.versions(caoDesheng)).filter((v) => v.action === 'transfer');
    expect(versions).toHaveLength(1);
    expect(versions[0].changes).toContainEqual({ field: 'branchId', from: ids.yongshui, to: ids.longtan });
    const origin = await h.query('/api/roster/trpc/members.list', { as: as.secretaryOf('yongshui'), input: {} });
    expect(origin.data.items.map((i: { name: string }) => i.name)).not.toContain('曹德胜');
    const receiving = await h.query('/api/roster/trpc/members.list', { as: as.secretaryOf('longtan'), input: {} });
    expect(receiving.data.items.map((i: { name: string }) => i.name)).toContain('曹德胜');
    // Within a county nothing closes: the one event says where the member is now, for
    // services that keep a copy (reporting's members).
    const events = await db.rows(sql`select topic, payload from roster.outbox`);
    expect(events).toEqual([{ topic: 'roster.member_updated', payload: expect.objectContaining({ memberId: caoDesheng, branchId: ids.longtan }) }]);
  });

  it('get shows the steps and the ledger sent to whoever may see the transfer', async () => {
    const result = await h.query(trpc('get'), { as: as.secretaryOf('matian'), input: { transferId } });
    expect(result.data).toMatchObject({ id: transferId, status: 'accepted', memberId: caoDesheng, toBranchId: ids.longtan, ledger: { name: '曹德胜', fromBranch: '涌水村党支部', fromTownship: '马田镇' } });
    expect((await h.query(trpc('get'), { as: as.secretaryOf('flowGeneral'), input: { transferId } })).error?.code).toBe('NOT_FOUND');
  });
});

describe('transfers.reject and transfers.cancel', () => {
  it('only the step holder rejects, with a reason', async () => {
    const { data } = await h.mutate(trpc('request'), { as: as.secretaryOf('yongshui'), input: { memberId: caoChunsheng, toOrgId: ids.longtan, idempotencyKey: 'transfer-chunsheng-1' } });
    const noReason = await h.mutate(trpc('reject'), { as: as.secretaryOf('yongshui'), input: { transferId: data.transferId } });
    expect(noReason.error).toMatchObject({ code: 'BAD_REQUEST', fields: { reason: expect.any(String) } });
    expect((await h.mutate(trpc('reject'), { as: as.secretaryOf('longtan'), input: { transferId: data.transferId, reason: '不符合' } })).error?.code).toBe('FORBIDDEN');
    expect((await h.mutate(trpc('reject'), { as: as.department('rc'), input: { transferId: data.transferId, reason: '不符合' } })).error?.code).toBe('NOT_FOUND');
    expect((await transferRow(data.transferId)).status).toBe('requested');
    const result = await h.mutate(trpc('reject'), { as: as.secretaryOf('yongshui'), input: { transferId: data.transferId, reason: '本人未确认' } });
    expect(result.data).toEqual({ status: 'rejected' });
    expect((await transferRow(data.transferId)).steps.at(-1)).toMatchObject({ step: 'rejected', by: 'sec-yongshui', note: '本人未确认' });
    expect((await h.mutate(trpc('approve'), { as: as.secretaryOf('yongshui'), input: { transferId: data.transferId } })).error?.code).toBe('FORBIDDEN');
  });

  it('only the requester cancels an open transfer', async () => {
    const transferId = (await db.rows(sql`select id from roster.transfers where member_id = ${liMing}`))[0]!.id;
    expect((await h.mutate(trpc('cancel'), { as: as.secretaryOf('yongshuiMobile'), input: { transferId } })).error?.code).toBe('FORBIDDEN');
    expect((await h.mutate(trpc('cancel'), { as: as.department(), input: { transferId } })).error?.code).toBe('FORBIDDEN');
    expect((await h.mutate(trpc('cancel'), { as: as.memberAs('user-liming', 'yongshuiMobile'), input: { transferId } })).data).toEqual({ status: 'cancelled' });
    expect((await transferRow(transferId)).status).toBe('cancelled');
    const member = await h.query(trpc('inbox'), { as: as.memberAs('user-liming', 'yongshuiMobile'), input: {} });
    expect(member.data).toEqual([expect.objectContaining({ id: transferId, status: 'cancelled', direction: 'outgoing', needsMyAction: false })]);
  });
});
