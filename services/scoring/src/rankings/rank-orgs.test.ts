import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { applyCopyEventToScoring } from '../events/apply-copy-event.ts';
import { migrations } from '../migrations.ts';
import { as, event, orgs, pathOf, seedCopies } from '../testing/scoring-fixture.ts';

// The county's flow general branch (永兴县驻外流动党员党总支) and its flow branches: at the flow
// level a member counts once, for the innermost ranked org they belong to.
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const flow = { general: id(20), guangzhou: id(21), dongguan: id(22), second: id(23), changsha: id(24) };
const county = pathOf('yxDepartment');
const paths = {
  general: `${county}${flow.general}/`,
  guangzhou: `${county}${flow.general}/${flow.guangzhou}/`,
  dongguan: `${county}${flow.general}/${flow.dongguan}/`,
  second: `${county}${flow.second}/`,
  changsha: `${county}${flow.second}/${flow.changsha}/`,
};

let h: ServiceHarness;
beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  await seedCopies(h.database);
  const org = (orgId: string, kind: string, name: string, path: string) =>
    applyCopyEventToScoring(h.database, event('roster.org_saved', 'yx', { orgId, kind, name, path, city: null, closedAt: null }));
  await org(flow.general, 'flow_general', '永兴县驻外流动党员党总支', paths.general);
  await org(flow.guangzhou, 'flow_branch', '驻广州流动党支部', paths.guangzhou);
  await org(flow.dongguan, 'flow_branch', '驻东莞流动党支部', paths.dongguan);
  await org(flow.second, 'flow_general', '驻长株潭流动党员党总支', paths.second);
  await org(flow.changsha, 'flow_branch', '驻长沙流动党支部', paths.changsha);
  // Members: 2 in Guangzhou, 1 in Dongguan, 1 directly in the general branch; 2 in Changsha.
  const homes = [flow.guangzhou, flow.guangzhou, flow.dongguan, flow.general, flow.changsha, flow.changsha];
  const pathOfHome = (home: string) => Object.values(paths).find((p) => p.endsWith(`/${home}/`))!;
  for (const [i, home] of homes.entries()) {
    await applyCopyEventToScoring(
      h.database,
      event('roster.member_created', 'yx', { memberId: id(300 + i), userId: `u-flow-${i}`, name: `流动党员${i}`, branchId: home, orgPath: pathOfHome(home), status: 'mobile' }),
    );
  }
});
afterAll(() => h.close());

type Row = { orgName: string; members: number };

describe('the flow level counts each member once', () => {
  it('flow branches with their members; a general branch only with members of its own outside its branches', async () => {
    const result = await h.query('/api/scoring/trpc/rankings.orgs', { as: as.department(), input: { year: 2026, level: 'flow_org' } });
    const rows = (result.data as Row[]).map((r) => [r.orgName, r.members]).sort(([a], [b]) => String(a).localeCompare(String(b), 'zh-CN'));
    expect(rows).toEqual(
      [
        ['驻东莞流动党支部', 1],
        ['驻广州流动党支部', 2],
        ['驻长沙流动党支部', 2],
        // 4 members under it, 3 of them in its branches: listed with its own 1.
        ['永兴县驻外流动党员党总支', 1],
        // 深圳流动党支部 of 马田镇 (no members, nothing contains it); 驻长株潭 (all in 长沙) is left out.
        ['深圳流动党支部', 0],
      ].sort(([a], [b]) => String(a).localeCompare(String(b), 'zh-CN')),
    );
    const total = (result.data as Row[]).reduce((sum, r) => sum + r.members, 0);
    expect(total).toBe(6);
  });

  it('within the general branch, its branches and its own members', async () => {
    const result = await h.query('/api/scoring/trpc/rankings.orgs', { as: as.department(), input: { year: 2026, level: 'flow_org', parentId: flow.general } });
    expect((result.data as Row[]).map((r) => r.orgName).sort()).toEqual(['驻东莞流动党支部', '驻广州流动党支部'].sort());
  });

  it('other levels are unchanged: townships and branches', async () => {
    const result = await h.query('/api/scoring/trpc/rankings.orgs', { as: as.department(), input: { year: 2026, level: 'branch', parentId: orgs.matian } });
    expect((result.data as Row[]).map((r) => r.orgName)).toHaveLength(3);
  });
});
