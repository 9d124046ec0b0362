import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { proposePlacements } from '../jobs.ts';
import { migrations } from '../migrations.ts';
import { seedRoster } from '../testing/roster-fixture.ts';
import { callers, ownerReads } from '../testing/callers.ts';

// The 6-month rule (brief) with a controlled clock: the harness clock is 2026-11-02.
let h: ServiceHarness;
let ids: Record<string, string>;
let as: ReturnType<typeof callers>;
let db: ReturnType<typeof ownerReads>;
const m: Record<string, string> = {};

const trpc = (name: string) => `/api/roster/trpc/mobility.${name}`;

beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  ({ ids } = await seedRoster(h.database));
  as = callers(ids);
  db = ownerReads(h.database);
  for (const name of ['曹德胜', '曹春生', '黄文杰', '李华']) m[name] = await db.memberId(name);
  const away = async (name: string, secretaryOf: string, leftOn: string) => {
    const result = await h.mutate(trpc('registerOutflow'), {
      as: as.secretaryOf(secretaryOf), input: { memberId: m[name], leftOn, destinationCity: '东莞', idempotencyKey: `away-${leftOn}-${secretaryOf}` },
    });
    expect(result.error).toBeNull();
  };
  await away('曹德胜', 'yongshui', '2026-04-01'); // 7 months
  await away('曹春生', 'yongshui', '2026-06-15'); // under 5 months
  await away('黄文杰', 'longtan', '2026-03-20'); // 7 months, 龙潭村 has no mobile-member branch
  await away('李华', 'yongshuiMobile', '2026-01-05'); // already in the mobile-member branch
});
afterAll(() => h.close());

const proposals = () => db.rows(sql`select member_id, from_branch_id, to_branch_id, away_since, status, note from roster.placement_proposals order by away_since`);

describe('the daily placement job', () => {
  it('proposes members away over 6 months: to the sibling mobile-member branch, or none with a note', async () => {
    expect(await proposePlacements(h.database, h.clock.now)).toEqual([{ tenantId: 'rc', proposed: 0 }, { tenantId: 'yx', proposed: 2 }]);
    expect(await proposals()).toEqual([
      { member_id: m['黄文杰'], from_branch_id: ids.longtan, to_branch_id: null, away_since: '2026-03-20', status: 'pending', note: 'the village has no mobile-member branch' },
      { member_id: m['曹德胜'], from_branch_id: ids.yongshui, to_branch_id: ids.yongshuiMobile, away_since: '2026-04-01', status: 'pending', note: null },
    ]);
  });

  it('a second run the same day proposes nothing new', async () => {
    expect(await proposePlacements(h.database, h.clock.now)).toEqual([{ tenantId: 'rc', proposed: 0 }, { tenantId: 'yx', proposed: 0 }]);
    expect(await proposals()).toHaveLength(2);
  });

  it('proposes the member away since mid-June once the 6 months have passed, not the day they end', async () => {
    expect((await proposePlacements(h.database, new Date('2026-12-15T09:00:00+08:00'))).find((r) => r.tenantId === 'yx')!.proposed).toBe(0);
    expect((await proposePlacements(h.database, new Date('2026-12-16T00:30:00+08:00'))).find((r) => r.tenantId === 'yx')!.proposed).toBe(1);
    await h.database.owner.execute(sql`delete from roster.placement_proposals where member_id = ${m['曹春生']}`);
  });
});

describe('mobility.placements', () => {
  it('a secretary sees the proposals about members in their subtree; the department sees all', async () => {
    const matian = await h.query(trpc('placements'), { as: as.secretaryOf('matian'), input: { status: 'pending' } });
    expect(matian.data).toEqual([
      {
        id: expect.any(String), memberId: m['曹德胜'], name: '曹德胜', fromBranch: '涌水村党支部', toBranchId: ids.yongshuiMobile,
        toBranch: '涌水村流动党员党支部', awaySince: '2026-04-01', status: 'pending', proposedAt: expect.any(String), note: null,
      },
    ]);
    const huangcao = await h.query(trpc('placements'), { as: as.secretaryOf('huangcao'), input: {} });
    expect(huangcao.data.map((p: { name: string }) => p.name)).toEqual(['黄文杰']);
    expect((await h.query(trpc('placements'), { as: as.department(), input: {} })).data).toHaveLength(2);
    expect((await h.query(trpc('placements'), { as: as.department('rc'), input: {} })).data).toEqual([]);
  });

  it('a member is FORBIDDEN', async () => {
    expect((await h.query(trpc('placements'), { as: as.memberAs('user-liming', 'yongshuiMobile'), input: {} })).error?.code).toBe('FORBIDDEN');
  });
});

describe('mobility.decidePlacement', () => {
  const proposalOf = async (name: string) =>
    (await db.rows(sql`select id from roster.placement_proposals where member_id = ${m[name]} order by proposed_at desc limit 1`))[0]!.id as string;

  it('confirming a proposal with no mobile-member branch is BAD_REQUEST and changes nothing', async () => {
    const result = await h.mutate(trpc('decidePlacement'), { as: as.secretaryOf('longtan'), input: { proposalId: await proposalOf('黄文杰'), decision: 'confirm' } });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { proposalId: 'no_mobile_branch' } });
    expect(await db.member(m['黄文杰']!)).toMatchObject({ branch_id: ids.longtan });
  });

  it('a secretary of another township cannot decide (NOT_FOUND); a member is FORBIDDEN', async () => {
    const proposalId = await proposalOf('曹德胜');
    expect((await h.mutate(trpc('decidePlacement'), { as: as.secretaryOf('huangcao'), input: { proposalId, decision: 'confirm' } })).error?.code).toBe('NOT_FOUND');
    expect((await h.mutate(trpc('decidePlacement'), { as: as.memberAs('user-liming', 'yongshuiMobile'), input: { proposalId, decision: 'confirm' } })).error?.code).toBe('FORBIDDEN');
    expect(await db.member(m['曹德胜']!)).toMatchObject({ branch_id: ids.yongshui });
  });

  it('the branch secretary confirms: the member moves to the mobile-member branch, with history', async () => {
    const proposalId = await proposalOf('曹德胜');
    const first = await h.mutate(trpc('decidePlacement'), { as: as.secretaryOf('yongshui'), input: { proposalId, decision: 'confirm', note: '长期在外' } });
    const retry = await h.mutate(trpc('decidePlacement'), { as: as.secretaryOf('matian'), input: { proposalId, decision: 'confirm' } });
    expect(first.data).toEqual({ status: 'confirmed' });
    expect(retry.data).toEqual({ status: 'confirmed' });
    expect(await db.member(m['曹德胜']!)).toMatchObject({ branch_id: ids.yongshuiMobile, org_path: expect.stringContaining(ids.yongshuiMobile!) });
    const placed = (await db.versions(m['曹德胜']!)).filter((v) => v.action === 'placed');
    expect(placed).toHaveLength(1);
    expect(placed[0].changes).toContainEqual({ field: 'branchId', from: ids.yongshui, to: ids.yongshuiMobile });
    expect(await db.rows(sql`select status, decided_by, note from roster.placement_proposals where id = ${proposalId}`)).toEqual([
      { status: 'confirmed', decided_by: 'sec-yongshui', note: '长期在外' },
    ]);
  });

  it('a dismissed proposal is not proposed again for the same time away', async () => {
    const proposalId = await proposalOf('黄文杰');
    expect((await h.mutate(trpc('decidePlacement'), { as: as.department(), input: { proposalId, decision: 'dismiss', note: '即将返乡' } })).data).toEqual({ status: 'dismissed' });
    expect((await h.mutate(trpc('decidePlacement'), { as: as.department(), input: { proposalId, decision: 'confirm' } })).error).toMatchObject({
      code: 'BAD_REQUEST', fields: { proposalId: 'already_decided' }, problems: { proposalId: { params: { status: 'dismissed' } } },
    });
    const later = new Date('2027-01-10T08:00:00+08:00');
    expect((await proposePlacements(h.database, later)).find((r) => r.tenantId === 'yx')!.proposed).toBe(1); // 曹春生 only
    expect(await db.rows(sql`select count(*)::int as n from roster.placement_proposals where member_id = ${m['黄文杰']}`)).toEqual([{ n: 1 }]);
  });
});

describe('placements and transfers', () => {
  it('a member in an open transfer is not proposed; an accepted transfer dismisses a pending proposal', async () => {
    const transfer = (memberId: string, key: string) =>
      h.mutate('/api/roster/trpc/transfers.request', { as: as.secretaryOf('yongshui'), input: { memberId, toOrgId: ids.longtan, idempotencyKey: key } });
    await h.database.owner.execute(sql`insert into roster.members (tenant_id, name, branch_id, org_path, status, away_since)
      select 'yx', '曹小兵', id, path, 'mobile', '2026-01-01' from roster.orgs where id = ${ids.yongshui}`);
    const xiaobing = await db.memberId('曹小兵');
    expect((await transfer(xiaobing, 'transfer-xiaobing-1')).error).toBeNull();
    expect((await proposePlacements(h.database, new Date('2027-01-11T08:00:00+08:00'))).find((r) => r.tenantId === 'yx')!.proposed).toBe(0);

    const { data } = await transfer(m['曹春生']!, 'transfer-chunsheng-1');
    await h.mutate('/api/roster/trpc/transfers.approve', { as: as.secretaryOf('yongshui'), input: { transferId: data.transferId } });
    await h.mutate('/api/roster/trpc/transfers.approve', { as: as.secretaryOf('matian'), input: { transferId: data.transferId } });
    expect((await h.mutate('/api/roster/trpc/transfers.accept', { as: as.secretaryOf('longtan'), input: { transferId: data.transferId } })).data.status).toBe('accepted');
    expect(await db.rows(sql`select status, note from roster.placement_proposals where member_id = ${m['曹春生']}`)).toEqual([{ status: 'dismissed', note: 'transferred' }]);
  });
});
