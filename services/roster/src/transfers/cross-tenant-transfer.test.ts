import { relayOutbox, tenantTransaction, type DomainEvent } from '@tongxin/db';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { applyTransferAccepted } from '../jobs.ts';
import { migrations } from '../migrations.ts';
import { callers, ownerReads } from '../testing/callers.ts';
import { orgDirectory, outbox } from '../schema.ts';
import { seedRoster } from '../testing/roster-fixture.ts';

// 李明 (永兴县 'yx', 涌水村流动党员党支部) moves his membership to 汝城县 ('rc').
let h: ServiceHarness;
let ids: Record<string, string>;
let as: ReturnType<typeof callers>;
let db: ReturnType<typeof ownerReads>;
let liMing: string;
let transferId: string;
const liming = () => as.memberAs('user-liming', 'yongshuiMobile');

const trpc = (name: string) => `/api/roster/trpc/transfers.${name}`;

beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  ({ ids } = await seedRoster(h.database));
  as = callers(ids);
  db = ownerReads(h.database);
  liMing = await db.memberId('李明');
  await h.database.owner.execute(sql`update roster.members set phone = '13800001111', employer = '深圳某家具公司', away_since = '2025-03-01', destination_province = '广东',
    education = 'college', away_reason = 'work' where id = ${liMing}`);
  // The fixture's directory is empty: 汝城县委组织部 publishes itself, as seeding would.
  await h.database.owner.insert(orgDirectory).values({ tenantId: 'rc', orgId: ids.rcDepartment!, kind: 'department', name: '汝城县委组织部', province: '湖南', city: '郴州' });
});
afterAll(() => h.close());

describe('a transfer to another county', () => {
  it('an org that is not in that county\'s directory is BAD_REQUEST naming toOrgId', async () => {
    for (const toOrgId of [crypto.randomUUID(), ids.reshui]) {
      const result = await h.mutate(trpc('request'), { as: liming(), input: { toTenantId: 'rc', toOrgId, idempotencyKey: `to-rc-bad-${toOrgId}` } });
      expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { toOrgId: expect.any(String) } });
    }
    expect(await db.count('transfers')).toBe(0);
  });

  it('the member asks to move to the other county\'s department', async () => {
    const input = { toTenantId: 'rc', toOrgId: ids.rcDepartment, reason: '在汝城定居', idempotencyKey: 'to-rc-liming-1' };
    const first = await h.mutate(trpc('request'), { as: liming(), input });
    const retry = await h.mutate(trpc('request'), { as: liming(), input });
    expect(first.error).toBeNull();
    expect(retry.data).toEqual(first.data);
    transferId = first.data.transferId;
    expect(await db.count('transfers')).toBe(1);
    const mine = await h.query(trpc('inbox'), { as: liming(), input: {} });
    expect(mine.data).toEqual([expect.objectContaining({ id: transferId, toTenantId: 'rc', toName: '汝城县委组织部', direction: 'outgoing', needsMyAction: false })]);
  });

  it('the receiving department sees nothing before the origin township has approved', async () => {
    expect((await h.query(trpc('inbox'), { as: as.department('rc'), input: {} })).data).toEqual([]);
    expect((await h.query(trpc('get'), { as: as.department('rc'), input: { transferId } })).error?.code).toBe('NOT_FOUND');
    expect((await h.mutate(trpc('accept'), { as: as.department('rc'), input: { transferId, toBranchId: ids.reshui } })).error?.code).toBe('NOT_FOUND');
  });

  it('the origin branch and township approve; the receiving county cannot approve for them', async () => {
    expect((await h.mutate(trpc('approve'), { as: as.secretaryOf('yongshuiMobile'), input: { transferId } })).data).toEqual({ status: 'origin_approved' });
    expect((await h.mutate(trpc('approve'), { as: as.department('rc'), input: { transferId } })).error?.code).toBe('NOT_FOUND');
    expect((await h.mutate(trpc('approve'), { as: as.department(), input: { transferId } })).data).toEqual({ status: 'township_approved' });
  });

  it('now addressed to it, the receiving department sees it with the ledger sent; a third county does not', async () => {
    const inbox = await h.query(trpc('inbox'), { as: as.department('rc'), input: {} });
    expect(inbox.data).toEqual([
      expect.objectContaining({ id: transferId, memberName: '李明', fromBranch: '涌水村流动党员党支部', toName: '汝城县委组织部', status: 'township_approved', direction: 'incoming', needsMyAction: true }),
    ]);
    const sent = await h.query(trpc('get'), { as: as.department('rc'), input: { transferId } });
    expect(sent.data.ledger).toMatchObject({ name: '李明', phone: '13800001111', employer: '深圳某家具公司', destinationCity: '深圳', fromTownship: '马田镇' });
    expect((await h.query(trpc('get'), { as: as.department('zz'), input: { transferId } })).error?.code).toBe('NOT_FOUND');
    expect((await h.query(trpc('inbox'), { as: as.department('zz'), input: {} })).data).toEqual([]);
    expect((await h.query(trpc('get'), { as: as.secretaryOf('reshui', 'rc'), input: { transferId } })).error?.code).toBe('NOT_FOUND');
  });

  it("the receiving county's own transaction neither updates nor deletes the origin's row: its decisions go through roster's functions (issue 13 D)", async () => {
    const inRc = { tenantId: 'rc', tenantWide: true, userId: 'dep-rc' };
    const updated = await tenantTransaction(h.database, inRc, (tx) =>
      tx.execute(sql`update roster.transfers set status = 'accepted', to_branch_id = ${ids.reshui} where id = ${transferId} returning id`));
    const deleted = await tenantTransaction(h.database, inRc, (tx) => tx.execute(sql`delete from roster.transfers where id = ${transferId} returning id`));
    expect({ updated: updated.rows, deleted: deleted.rows }).toEqual({ updated: [], deleted: [] });
    // A branch the function does not find among the county's open ones is refused, whatever the caller says.
    const foreign = await tenantTransaction(h.database, inRc, (tx) =>
      tx.execute(sql`select roster.accept_transfer_from_county(${transferId}::uuid, ${ids.yongshui}::uuid, ${liMing}::uuid, now()) as outcome`));
    expect(foreign.rows).toEqual([{ outcome: 'not_a_branch' }]);
    expect(await db.rows(sql`select status, to_branch_id, to_path from roster.transfers where id = ${transferId}`)).toEqual([{ status: 'township_approved', to_branch_id: null, to_path: null }]);
  });

  it('the receiving department must pick one of its own open branches; the origin cannot accept', async () => {
    const none = await h.mutate(trpc('accept'), { as: as.department('rc'), input: { transferId } });
    expect(none.error).toMatchObject({ code: 'BAD_REQUEST', fields: { toBranchId: expect.any(String) } });
    const foreign = await h.mutate(trpc('accept'), { as: as.department('rc'), input: { transferId, toBranchId: ids.yongshui } });
    expect(foreign.error).toMatchObject({ code: 'BAD_REQUEST', fields: { toBranchId: expect.any(String) } });
    expect((await h.mutate(trpc('accept'), { as: as.department(), input: { transferId, toBranchId: ids.yongshui } })).error?.code).toBe('FORBIDDEN');
    expect(await db.rows(sql`select count(*)::int as n from roster.members where tenant_id = 'rc'`)).toEqual([{ n: 1 }]);
  });

  it('accepting creates the member in the receiving county from the sent ledger, once, with an event', async () => {
    const first = await h.mutate(trpc('accept'), { as: as.department('rc'), input: { transferId, toBranchId: ids.reshui } });
    const retry = await h.mutate(trpc('accept'), { as: as.department('rc'), input: { transferId, toBranchId: ids.reshui } });
    expect(first.data).toEqual({ status: 'accepted', memberId: expect.any(String) });
    expect(retry.data).toEqual(first.data);
    const created = await db.member(first.data.memberId);
    expect(created).toMatchObject({
      tenant_id: 'rc', name: '李明', branch_id: ids.reshui, phone: '13800001111', employer: '深圳某家具公司', destination_city: '深圳', away_since: '2025-03-01', status: 'mobile',
      education: 'college', away_reason: 'work', user_id: null,
    });
    const events = await db.rows(sql`select tenant_id, payload from roster.outbox where topic = 'roster.transfer_accepted'`);
    expect(events).toEqual([{ tenant_id: 'rc', payload: { transferId, originTenantId: 'yx', memberId: liMing, newTenantId: 'rc', newMemberId: first.data.memberId } }]);
    // The receiving branch and its path as the function read them from the receiving county's tree.
    const [reshui] = await db.rows(sql`select path from roster.orgs where id = ${ids.reshui}`);
    expect(await db.rows(sql`select status, to_branch_id, to_path, new_member_id from roster.transfers where id = ${transferId}`))
      .toEqual([{ status: 'accepted', to_branch_id: ids.reshui, to_path: reshui!.path, new_member_id: first.data.memberId }]);
    // The origin record stays open until roster consumes the event.
    expect(await db.member(liMing)).toMatchObject({ status: 'mobile', branch_id: ids.yongshuiMobile });
  });

  it('the event closes the origin record as transferred_out exactly once, kept for history', async () => {
    const delivered: DomainEvent[] = [];
    await relayOutbox(h.database, outbox, async (event) => {
      delivered.push(event);
      await applyTransferAccepted(h.database, event, h.clock.now);
    });
    const event = delivered.find((e) => e.topic === 'roster.transfer_accepted')!;
    expect(await applyTransferAccepted(h.database, event, h.clock.now)).toBe('duplicate');
    expect(await applyTransferAccepted(h.database, { ...delivered.find((e) => e.topic === 'roster.member_created')! })).toBe('ignored');
    expect(await db.member(liMing)).toMatchObject({ status: 'transferred_out', name: '李明' });
    expect((await db.versions(liMing)).filter((v) => v.action === 'transferred_out')).toEqual([
      { version: 2, action: 'transferred_out', changes: [{ field: 'status', from: 'mobile', to: 'transferred_out' }], actor_role: 'system' },
    ]);
  });

  it('a member who transferred out can start nothing new', async () => {
    const result = await h.mutate(trpc('request'), { as: as.secretaryOf('yongshuiMobile'), input: { memberId: liMing, toOrgId: ids.yongshui, idempotencyKey: 'after-out-1' } });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { memberId: 'member_transferred_out' } });
    const outflow = await h.mutate('/api/roster/trpc/mobility.fileOutflow', {
      as: liming(), input: { leftOn: '2026-10-01', destinationCity: '广州', reasonCode: 'work', expectedMonths: 6, contactPhone: '13800000001', idempotencyKey: 'after-out-2' },
    });
    expect(outflow.error).toMatchObject({ code: 'BAD_REQUEST', fields: { memberId: 'member_transferred_out' } });
  });
});
