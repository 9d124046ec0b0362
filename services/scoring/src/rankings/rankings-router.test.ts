import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { applyCopyEventToScoring } from '../events/apply-copy-event.ts';
import { migrations } from '../migrations.ts';
import { activity, as, orgs, score, seedCopies } from '../testing/scoring-fixture.ts';

let h: ServiceHarness;
beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  await seedCopies(h.database);
  // 王芳 (涌水村's mobile-member branch) checks in with the Shenzhen flow branch of her own
  // county; 朱建国 of 汝城 checks in there too (his points stay in his county).
  const checkins = [activity.checkin('王芳', 'yx', 'shenzhen', '2026-10-03T02:00:00Z'), activity.checkin('朱建国', 'yx', 'shenzhen', '2026-10-03T02:00:00Z')];
  // The copies follow roster's grant of each check-in.
  for (const e of [activity.granted('王芳', 'yx', 'shenzhen', '2026-10-03T02:00:00Z'), activity.granted('朱建国', 'yx', 'shenzhen', '2026-10-03T02:00:00Z')]) {
    await applyCopyEventToScoring(h.database, e);
  }
  await score(
    h.database,
    ...checkins,
    activity.monthlyReport('曹德胜', '2026-10'),
    activity.monthlyReport('曹春生', '2026-11'),
    activity.meeting('李华', 'in_person', '2026-10-08T02:00:00Z'),
    activity.suggestion('黄文杰'),
  );
});
afterAll(() => h.close());

type Row = { orgId: string; orgName: string; members: number; points: number; perMember: number; rank: number };
type Caller = NonNullable<Parameters<ServiceHarness['query']>[1]>['as'];
const rank = async (who: Caller, input: object) =>
  h.query('/api/scoring/trpc/rankings.orgs', { as: who, input: { year: 2026, ...input } });
const summary = (rows: Row[]) => rows.map((r) => [r.orgName, r.members, r.points, r.perMember, r.rank]);

describe('rankings.orgs', () => {
  it("the department ranks a township's branches by points per member; closed orgs and transferred members are left out", async () => {
    const result = await rank(as.department(), { level: 'branch', parentId: orgs.matian });
    expect(summary(result.data)).toEqual([
      ['涌水村流动党员党支部', 1, 10, 10, 1],
      ['高亭村党支部', 1, 5, 5, 2],
      ['涌水村党支部', 3, 10, 3.3, 3],
    ]);
  });

  it('for a month or a quarter, only the points of its months', async () => {
    const october = await rank(as.department(), { level: 'branch', parentId: orgs.matian, month: 10 });
    expect(summary(october.data).find((r) => r[0] === '涌水村党支部')).toEqual(['涌水村党支部', 3, 5, 1.7, 3]);
    const q3 = await rank(as.department(), { level: 'branch', parentId: orgs.matian, quarter: 3 });
    expect((q3.data as Row[]).every((r) => r.points === 0 && r.rank === 1)).toBe(true);
  });

  it('townships compared as townships; equal points per member share a rank', async () => {
    const result = await rank(as.department(), { level: 'township' });
    expect(summary(result.data)).toEqual([
      ['马田镇党委', 5, 25, 5, 1],
      ['黄草镇党委', 1, 5, 5, 1],
    ]);
  });

  it('a flow organization counts the members checked in there from its county', async () => {
    const result = await rank(as.department(), { level: 'flow_org' });
    expect(summary(result.data)).toEqual([['深圳流动党支部', 1, 10, 10, 1]]);
  });

  it("a branch secretary sees the branches of their township, as org figures only; not another township's", async () => {
    const result = await rank(as.secretaryOf('gaoting'), { level: 'branch' });
    expect(result.data.map((r: Row) => r.orgName)).toEqual(['涌水村流动党员党支部', '高亭村党支部', '涌水村党支部']);
    expect(Object.keys(result.data[0]).sort()).toEqual(['kind', 'members', 'orgId', 'orgName', 'perMember', 'points', 'rank']);
    expect((await rank(as.secretaryOf('gaoting'), { level: 'branch', parentId: orgs.huangcao })).error?.code).toBe('FORBIDDEN');
    expect((await rank(as.secretaryOf('gaoting'), { level: 'township' })).error?.code).toBe('FORBIDDEN');
  });

  it('a township secretary sees their branches and the townships of the county', async () => {
    expect((await rank(as.secretaryOf('huangcao'), { level: 'branch' })).data.map((r: Row) => r.orgName)).toEqual(['龙潭村党支部']);
    expect((await rank(as.secretaryOf('huangcao'), { level: 'township' })).data).toHaveLength(2);
  });

  it("a member sees their own township's branches; not another township's, nor the townships", async () => {
    const result = await rank(as.member('曹德胜'), { level: 'branch' });
    expect(result.data.map((r: Row) => r.orgName)).toEqual(['涌水村流动党员党支部', '高亭村党支部', '涌水村党支部']);
    expect((await rank(as.member('曹德胜'), { level: 'branch', parentId: orgs.huangcao })).error?.code).toBe('FORBIDDEN');
    expect((await rank(as.member('曹德胜'), { level: 'township' })).error?.code).toBe('FORBIDDEN');
  });

  it("another county's org is NOT_FOUND; bad input names the field", async () => {
    expect((await rank(as.department('rc'), { level: 'branch', parentId: orgs.matian })).error?.code).toBe('NOT_FOUND');
    expect((await rank(as.department('rc'), { level: 'branch' })).data.map((r: Row) => r.orgName)).toEqual(['土桥村党支部']);
    expect((await rank(as.department(), { level: 'village' })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { level: expect.any(String) } });
    expect((await rank(as.department(), { level: 'branch', month: 13 })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { month: expect.any(String) } });
  });

});

describe('rankings.levels', () => {
  const levels = async (who: Caller, input: object = {}) => h.query('/api/scoring/trpc/rankings.levels', { as: who, input });
  it('offers each caller only the levels rankings.orgs grants them, and only where there are orgs to compare', async () => {
    expect((await levels(as.department())).data).toEqual({ levels: ['branch', 'township', 'flow_org'] });
    // 汝城 has no flow organization.
    expect((await levels(as.department('rc'))).data).toEqual({ levels: ['branch', 'township'] });
    // A branch secretary: the branches of their township and its flow branch, not the townships (refused below).
    expect((await levels(as.secretaryOf('gaoting'))).data).toEqual({ levels: ['branch', 'flow_org'] });
    // A township secretary without flow organizations: their branches and the townships.
    expect((await levels(as.secretaryOf('huangcao'))).data).toEqual({ levels: ['branch', 'township'] });
    expect((await levels(as.member('曹德胜'))).data).toEqual({ levels: ['branch', 'flow_org'] });
    // Within another township: nothing for a branch secretary; the department everything below it.
    expect((await levels(as.secretaryOf('gaoting'), { parentId: orgs.huangcao })).data).toEqual({ levels: [] });
    expect((await levels(as.department(), { parentId: orgs.huangcao })).data).toEqual({ levels: ['branch', 'township'] });
    expect((await levels(as.department('rc'), { parentId: orgs.matian })).error?.code).toBe('NOT_FOUND');
  });

  it('every level offered is one rankings.orgs answers; each level it leaves out is refused or empty', async () => {
    for (const who of [as.secretaryOf('gaoting'), as.secretaryOf('huangcao'), as.member('曹德胜'), as.department()]) {
      const offered = (await levels(who)).data.levels as string[];
      for (const level of ['branch', 'township', 'flow_org']) {
        const result = await rank(who, { level });
        if (offered.includes(level)) expect(result.data.length).toBeGreaterThan(0);
        else expect(result.error?.code === 'FORBIDDEN' || result.data.length === 0).toBe(true);
      }
    }
  });

  it('an anonymous caller gets no levels', async () => {
    expect((await h.query('/api/scoring/trpc/rankings.levels', { input: {} })).error?.code).toBe('UNAUTHORIZED');
  });
});

describe('rankings.orgs without a caller', () => {
  it('an anonymous caller may not rank', async () => {
    expect((await h.query('/api/scoring/trpc/rankings.orgs', { input: { year: 2026, level: 'branch' } })).error?.code).toBe('UNAUTHORIZED');
  });
});
