import { describe, expect, it, vi } from 'vitest';
import { ROLLUP_FIGURES } from '@tongxin/rollups/contract';
import type { Overview } from './figures.ts';
import type { TreeOrg } from './overview-api.ts';

// route.ts (a link in the 三找 table) follows the address bar: a minimal window for Node.
vi.stubGlobal('window', { location: { search: '' }, addEventListener: () => undefined });
const { childrenTable } = await import('./children-rows.ts');
const { trendTable, TRENDS } = await import('./trend-rows.ts');
const { flowTable } = await import('./flow-table.ts');
const { placesTable } = await import('./places-table.ts');
const { shownTable } = await import('./table-model.ts');
const { dimensionChart, dimensionTable, DIMENSIONS } = await import('./dimension-rows.ts');
const rowsOf = (table: Parameters<typeof shownTable>[0]) => shownTable(table).rows;

const org = (id: string, name: string, kind: TreeOrg['kind'], extra: Partial<TreeOrg> = {}): TreeOrg => ({
  id, parentId: 'county', kind, name, path: `/county/${id}/`, place: null, province: null, city: null, address: null, closedAt: null, memberCount: 0, canManage: true, ...extra,
});

describe("the overview's tables, as shown and as exported", () => {
  it('list the children in the given order with their key figures; a name opens the child for the same month', () => {
    const table = childrenTable(
      [org('a', '马田镇党委', 'township'), org('b', '柏林镇党委', 'township')],
      new Map([['a', { mobile: 40, checkedIn: 30, lostContact: 2, reportsSubmitted: 9, reportsDue: 12, branchesGreen: 3, branchesAmber: 1, branchesRed: 0, claims: 5, points: 120 }]]),
      { month: '2026-10' },
    );
    expect(table.headers).toEqual(['组织', '流动党员', '已报到', '失联', '报告率', '绿（正常）', '黄（滞后）', '红（未开展）', '认领', '积分']);
    expect(table.rows[0]![0]).toEqual({ value: '马田镇党委', to: { name: 'overview', month: '2026-10', org: 'a' } });
    expect(rowsOf(table)).toEqual([
      ['马田镇党委', 40, 30, 2, { percent: 0.75 }, 3, 1, 0, 5, 120],
      // A child without figures (none yet this month) shows zeros, and no rate.
      ['柏林镇党委', 0, 0, 0, null, 0, 0, 0, 0, 0],
    ]);
  });

  it('put the months in the columns, the month shown last, with a rate under its counts', () => {
    const overview: Overview = {
      month: '2026-11', orgId: 'county', figures: {}, previous: {}, children: new Map(), asOf: null, behind: false,
      trend: [
        { month: '2026-10', figures: { reportsDue: 10, reportsSubmitted: 5 } },
        { month: '2026-11', figures: { reportsDue: 0 } },
      ],
    };
    const reporting = TRENDS.find((trend) => trend.id === 'reporting')!;
    const table = trendTable(reporting, overview);
    expect(table.headers).toEqual(['指标', '2026-10', '2026-11']);
    expect(table.rows).toEqual([
      ['应报', 10, 0],
      ['已提交月度报告', 5, 0],
      ['报告率', { percent: 0.5 }, null],
    ]);
  });

  it('assess each flow organization, with a column per outcome unit any of them achieved', () => {
    const table = flowTable(
      [org('f', '永兴县驻深圳流动党员党支部', 'flow_branch', { province: '广东省', city: '深圳' })],
      new Map([['f', { members: 13, checkedInHere: 4, meetingsHeld: 1, reportsAcknowledged: 6, claims: 3, completed: 2, 'outcome:boxes': 40 }]]),
      undefined,
    );
    expect(table.headers.at(-1)).toBe('成果（箱）');
    expect(rowsOf(table)).toEqual([['永兴县驻深圳流动党员党支部', '广东省 深圳', 13, 4, 1, 6, 3, 2, 40]]);
  });

  it('list destinations by members, with employers, the flow organizations there, and a link to propose one', () => {
    const table = placesTable([
      { province: '湖南省', city: '长沙', members: 3, checkedIn: 0, employers: [], flowOrgs: [], proposeFlowBranch: false },
      {
        province: '广东省', city: '深圳', members: 30, checkedIn: 12,
        employers: [{ name: '比亚迪', members: 2 }, { name: '华为', members: 5 }],
        flowOrgs: [{ name: '永兴县驻深圳流动党员党支部', ours: true }, { name: '汝城县驻深圳流动党员党支部', ours: false }],
        proposeFlowBranch: true,
      },
    ]);
    expect(rowsOf(table)).toEqual([
      ['广东省 深圳', 30, 12, { percent: 0.4 }, '华为（5 人）、比亚迪（2 人）', '本县：永兴县驻深圳流动党员党支部；外县：汝城县驻深圳流动党员党支部', '新建流动党支部'],
      ['湖南省 长沙', 3, 0, { percent: 0 }, '', '无', ''],
    ]);
    expect(table.rows[0]!.at(-1)).toEqual({ value: '新建流动党支部', href: '/secretary?page=tree' });
  });

  it('list 学历 and the reason for leaving in their bands\' order, in words, with each share; not recorded last; bands without members kept', () => {
    const figures = { mobile: 10, 'education:bachelor': 3, 'education:junior_or_below': 5, 'education:unknown': 2, 'awayReason:work': 7, 'awayReason:family': 1, 'awayReason:unknown': 2 };
    const dimension = (family: string) => DIMENSIONS.find((d) => d.family === family)!;
    const education = dimensionTable(dimension('education'), figures);
    expect(education.headers).toEqual(['学历', '流动党员', '占比']);
    expect(rowsOf(education)).toEqual([
      ['研究生', 0, { percent: 0 }],
      ['大学本科', 3, { percent: 0.3 }],
      ['大学专科', 0, { percent: 0 }],
      ['中专', 0, { percent: 0 }],
      ['高中', 0, { percent: 0 }],
      ['初中及以下', 5, { percent: 0.5 }],
      ['未登记', 2, { percent: 0.2 }],
    ]);
    const reasons = dimensionChart(dimension('awayReason'), figures);
    expect(reasons.categories).toEqual(['务工', '经商', '求学', '随迁、照顾家属', '其他', '未登记']);
    expect(reasons.series[0]!.values).toEqual([7, 0, 0, 1, 0, 2]);
    expect(dimensionTable(dimension('awayReason'), figures).caption).toBe('外出原因');
  });

  it('are families roster keeps, each with a heading', () => {
    expect(DIMENSIONS.map((d) => d.family)).toEqual(['age', 'gender', 'education', 'occupation', 'away', 'awayReason']);
    for (const d of DIMENSIONS) {
      expect(ROLLUP_FIGURES.roster).toContain(d.family);
      expect(dimensionTable(d, {}).caption).not.toMatch(/^dimension\./);
    }
  });
});
