import type { RoleGrant } from '@tongxin/auth';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { migrations } from '../migrations.ts';
import { members, monthlyReports, orgDirectory } from '../schema.ts';

// Issue 15: the department's 月度报告 at county scale: the rate of an org's children (the level
// below) and a paged list of the members under the org.
let h: ServiceHarness;
const id = () => crypto.randomUUID();
const org = { dept: id(), matian: id(), yongshui: id(), huangcao: id(), longtan: id(), rcDept: id(), reshui: id() };
const path = {
  dept: `/${org.dept}/`,
  matian: `/${org.dept}/${org.matian}/`,
  yongshui: `/${org.dept}/${org.matian}/${org.yongshui}/`,
  huangcao: `/${org.dept}/${org.huangcao}/`,
  longtan: `/${org.dept}/${org.huangcao}/${org.longtan}/`,
  rcDept: `/${org.rcDept}/`,
  reshui: `/${org.rcDept}/${org.reshui}/`,
};
const names = { dept: '中共永兴县委组织部', matian: '马田镇党委', yongshui: '涌水村流动党员党支部', huangcao: '黄草镇党委', longtan: '龙潭村党支部', rcDept: '中共汝城县委组织部', reshui: '热水村党支部' };
const tenantOf = (key: keyof typeof org) => (key === 'rcDept' || key === 'reshui' ? 'rc' : 'yx');
const PERIOD = '2026-10';
/** 120 mobile members at 涌水 (every third reported), a resident who reported anyway, 3 at 龙潭 (one reported). */
const YONGSHUI = 120;

beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  await h.database.owner.insert(orgDirectory).values((Object.keys(org) as (keyof typeof org)[]).map((key) => ({ tenantId: tenantOf(key), orgId: org[key], name: names[key], path: path[key] })));
  const member = (tenantId: string, name: string, branch: 'yongshui' | 'longtan' | 'reshui', status: string) =>
    ({ tenantId, memberId: id(), userId: `u-${name}`, name, branchId: org[branch], orgPath: path[branch], status });
  const rows = [
    ...Array.from({ length: YONGSHUI }, (_, i) => member('yx', `涌水党员${String(i).padStart(3, '0')}`, 'yongshui', i % 10 === 0 ? 'lost_contact' : 'mobile')),
    member('yx', '曹德胜', 'yongshui', 'resident'),
    member('yx', '黄文杰', 'longtan', 'mobile'),
    member('yx', '黄文军', 'longtan', 'mobile'),
    member('yx', '黄文明', 'longtan', 'resident'),
    member('rc', '朱国平', 'reshui', 'mobile'),
  ];
  await h.database.owner.insert(members).values(rows);
  const reported = rows.filter((r, i) => (r.orgPath === path.yongshui && r.status !== 'resident' && i % 3 === 0) || r.name === '曹德胜' || r.name === '黄文杰' || r.name === '朱国平');
  await h.database.owner.insert(monthlyReports).values(reported.map((r) => ({ tenantId: r.tenantId, userId: r.userId, memberId: r.memberId, period: PERIOD, summary: '在外务工。' })));
});
afterAll(() => h.close());

const secretaryOf = (key: keyof typeof org) => ({ tenantId: tenantOf(key), userId: `sec-${key}`, roles: [{ role: 'secretary', orgId: org[key] }] as RoleGrant[] });
const department = (tenantId = 'yx') => ({ tenantId, userId: `dep-${tenantId}`, roles: [{ role: 'department' }] as RoleGrant[] });
const memberOf = () => ({ tenantId: 'yx', userId: 'u-黄文杰', roles: [{ role: 'member', orgId: org.longtan }] as RoleGrant[] });
type As = ReturnType<typeof department>;
const byOrg = (as: As, input: Record<string, unknown> = {}) => h.query('/api/reporting/trpc/monthlyReports.byOrg', { as, input: { period: PERIOD, ...input } });
const list = (as: As, input: Record<string, unknown> = {}) => h.query('/api/reporting/trpc/monthlyReports.list', { as, input: { period: PERIOD, ...input } });

const yongshuiDue = YONGSHUI;
const yongshuiReported = Array.from({ length: YONGSHUI }, (_, i) => i).filter((i) => i % 3 === 0).length;

describe('monthlyReports.byOrg', () => {
  it("the department opens on the county and sees its townships, each with its rate; the total is the reporting rate's", async () => {
    const { data, error } = await byOrg(department());
    expect(error).toBeNull();
    expect(data.org).toEqual({ id: org.dept, name: names.dept });
    expect(data.trail).toEqual([{ id: org.dept, name: names.dept }]);
    expect(data.tops).toEqual([{ id: org.dept, name: names.dept }]);
    expect(data.total).toEqual({ required: yongshuiDue + 2, reported: yongshuiReported + 1, rate: expect.any(Number) });
    expect(data.children.sort((a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name))).toEqual([
      { orgId: org.huangcao, name: names.huangcao, hasChildren: true, required: 2, reported: 1, rate: 0.5 },
      { orgId: org.matian, name: names.matian, hasChildren: true, required: yongshuiDue, reported: yongshuiReported, rate: Math.round((yongshuiReported / yongshuiDue) * 1000) / 1000 },
    ].sort((a, b) => a.name.localeCompare(b.name)));
    const rate = await h.query('/api/reporting/trpc/monthlyReports.rate', { as: department(), input: { period: PERIOD } });
    expect(data.total).toEqual(rate.data.total);
  });

  it('a township opened shows its branches, the level below, and the way back up', async () => {
    const { data } = await byOrg(department(), { orgId: org.matian });
    expect(data.trail).toEqual([{ id: org.dept, name: names.dept }, { id: org.matian, name: names.matian }]);
    expect(data.children).toEqual([{ orgId: org.yongshui, name: names.yongshui, hasChildren: false, required: yongshuiDue, reported: yongshuiReported, rate: expect.any(Number) }]);
    const branch = await byOrg(department(), { orgId: org.yongshui });
    expect(branch.data.children).toEqual([]);
    expect(branch.data.total.required).toBe(yongshuiDue);
  });

  it("a township's secretary opens on their township, the trail starting there", async () => {
    const { data } = await byOrg(secretaryOf('matian'));
    expect(data.org).toEqual({ id: org.matian, name: names.matian });
    expect(data.trail).toEqual([{ id: org.matian, name: names.matian }]);
    expect(data.tops).toEqual([{ id: org.matian, name: names.matian }]);
  });

  it('a secretary of two townships (and a branch under one) may start from either township', async () => {
    const both = { tenantId: 'yx', userId: 'sec-two', roles: [{ role: 'secretary', orgId: org.matian }, { role: 'secretary', orgId: org.huangcao }, { role: 'secretary', orgId: org.longtan }] as RoleGrant[] };
    const { data } = await byOrg(both, { orgId: org.longtan });
    expect(data.tops.map((o: { id: string }) => o.id).sort()).toEqual([org.matian, org.huangcao].sort());
    expect(data.trail).toEqual([{ id: org.huangcao, name: names.huangcao }, { id: org.longtan, name: names.longtan }]);
  });

  it("another township, the county above, another county's org and an unknown one are NOT_FOUND; a member is FORBIDDEN", async () => {
    for (const orgId of [org.huangcao, org.longtan, org.dept, org.reshui, id()]) {
      expect((await byOrg(secretaryOf('matian'), { orgId })).error, orgId).toMatchObject({ code: 'NOT_FOUND' });
    }
    expect((await byOrg(department(), { orgId: org.reshui })).error).toMatchObject({ code: 'NOT_FOUND' });
    expect((await byOrg(memberOf())).error).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('monthlyReports.list', () => {
  // 涌水's 120, the resident who reported anyway, 龙潭's two mobile members (its resident has not reported: not listed).
  const everyone = yongshuiDue + 1 + 2;

  it('pages of 50 by default with the total; the pages together are the whole list, in one order, none twice', async () => {
    const first = await list(department());
    expect(first.error).toBeNull();
    expect({ total: first.data.total, offset: first.data.offset, limit: first.data.limit, items: first.data.items.length }).toEqual({ total: everyone, offset: 0, limit: 50, items: 50 });
    const pages = [first.data.items];
    for (let offset = 50; offset < everyone; offset += 50) pages.push((await list(department(), { offset })).data.items);
    const whole = (await list(department(), { limit: 200 })).data.items;
    const paged = pages.flat();
    expect(paged.map((r: { memberId: string }) => r.memberId)).toEqual(whole.map((r: { memberId: string }) => r.memberId));
    expect(new Set(paged.map((r: { memberId: string }) => r.memberId)).size).toBe(everyone);
    // Not reported first.
    const firstReported = paged.findIndex((r: { reported: boolean }) => r.reported);
    expect(paged.slice(firstReported).every((r: { reported: boolean }) => r.reported)).toBe(true);
    expect(whole.find((r: { name: string }) => r.name === '黄文杰')).toMatchObject({ branchId: org.longtan, branchName: names.longtan, reported: true });
  });

  it('lists only the members under the chosen org', async () => {
    const { data } = await list(department(), { orgId: org.huangcao });
    expect(data.items.map((r: { name: string }) => r.name).sort()).toEqual(['黄文军', '黄文杰']);
    const secretary = await list(secretaryOf('matian'), { limit: 200 });
    expect(secretary.data.total).toBe(yongshuiDue + 1);
    expect(secretary.data.items.every((r: { branchId: string }) => r.branchId === org.yongshui)).toBe(true);
  });

  it('filters by reported and not reported, each total its part', async () => {
    const done = await list(department(), { orgId: org.matian, reported: true, limit: 200 });
    const missing = await list(department(), { orgId: org.matian, reported: false, limit: 200 });
    expect(done.data.total).toBe(yongshuiReported + 1);
    expect(missing.data.total).toBe(yongshuiDue - yongshuiReported);
    expect(done.data.items.every((r: { reported: boolean }) => r.reported)).toBe(true);
    expect(missing.data.items.every((r: { reported: boolean }) => !r.reported)).toBe(true);
  });

  it("a secretary whose branch the directory does not know yet (a county just set up) still gets their scope's list", async () => {
    const fresh = id();
    await h.database.owner.insert(members).values({ tenantId: 'yx', memberId: id(), userId: 'u-新党员', name: '新党员', branchId: fresh, orgPath: `${path.matian}${fresh}/`, status: 'mobile' });
    const as = { tenantId: 'yx', userId: 'sec-fresh', roles: [{ role: 'secretary', orgId: fresh }] as RoleGrant[] };
    const { data, error } = await list(as);
    expect(error).toBeNull();
    expect(data.items.map((r: { name: string }) => r.name)).toEqual(['新党员']);
    expect((await byOrg(as)).error).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('outside the scope is NOT_FOUND, a member FORBIDDEN, a bad page BAD_REQUEST on its field', async () => {
    expect((await list(secretaryOf('matian'), { orgId: org.longtan })).error).toMatchObject({ code: 'NOT_FOUND' });
    expect((await list(department('rc'), { orgId: org.matian })).error).toMatchObject({ code: 'NOT_FOUND' });
    expect((await list(memberOf())).error).toMatchObject({ code: 'FORBIDDEN' });
    expect((await list(department(), { limit: 0 })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { limit: expect.any(String) } });
    expect((await list(department(), { offset: -1 })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { offset: expect.any(String) } });
  });
});
