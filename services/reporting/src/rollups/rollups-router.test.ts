import type { RoleGrant } from '@tongxin/auth';
import { rebuildRollups } from '@tongxin/rollups';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { migrations } from '../migrations.ts';
import { members, monthlyReports, orgDirectory } from '../schema.ts';
import { reportingRollups } from './rollup-spec.ts';

// The harness clock stands at 2026-11-02 09:00 China time.
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
const tenantOf = (key: keyof typeof org) => (key === 'rcDept' || key === 'reshui' ? 'rc' : 'yx');

beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  await h.database.owner.insert(orgDirectory).values((Object.keys(org) as (keyof typeof org)[]).map((key) => ({ tenantId: tenantOf(key), orgId: org[key], name: key, path: path[key] })));
  const member = (tenantId: string, name: string, branch: 'yongshui' | 'longtan' | 'reshui', status: string) =>
    ({ tenantId, memberId: id(), userId: `u-${name}`, name, branchId: org[branch], orgPath: path[branch], status });
  const rows = [
    member('yx', '李明', 'yongshui', 'mobile'),
    member('yx', '李华', 'yongshui', 'lost_contact'),
    member('yx', '曹德胜', 'yongshui', 'resident'),
    member('yx', '黄文杰', 'longtan', 'mobile'),
    member('rc', '朱国平', 'reshui', 'mobile'),
  ];
  await h.database.owner.insert(members).values(rows);
  await h.database.owner.insert(monthlyReports).values({ tenantId: 'yx', userId: 'u-李明', memberId: rows[0]!.memberId, period: '2026-10', summary: '在深圳。' });
  for (const tenantId of ['yx', 'rc']) await rebuildRollups(h.database.system, reportingRollups, tenantId, ['2026-10', '2026-11'], () => h.clock.now);
});
afterAll(() => h.close());

const secretaryOf = (key: keyof typeof org) => ({ tenantId: tenantOf(key), userId: `sec-${key}`, roles: [{ role: 'secretary', orgId: org[key] }] as RoleGrant[] });
const department = (tenantId = 'yx') => ({ tenantId, userId: `dep-${tenantId}`, roles: [{ role: 'department' }] as RoleGrant[] });
const overview = (as: ReturnType<typeof department>, input: Record<string, unknown>) => h.query('/api/reporting/trpc/rollups.overview', { as, input: { month: '2026-10', ...input } });

describe('rollups.overview', () => {
  it('the department reads the county: its figures and its townships', async () => {
    const { data, error } = await overview(department(), {});
    expect(error).toBeNull();
    expect(data.org).toEqual({ id: org.dept, parentId: null });
    expect(data.figures).toMatchObject({ reportsDue: 3, reportsSubmitted: 1, noInPersonThisYear: 4, branchesRed: 2 });
    expect(data.children.map((c: { org: { id: string } }) => c.org.id).sort()).toEqual([org.matian, org.huangcao].sort());
    expect(data.trend).toHaveLength(12);
  });

  it("a township's secretary reads their own subtree", async () => {
    const { data, error } = await overview(secretaryOf('matian'), { orgId: org.matian });
    expect(error).toBeNull();
    expect(data.figures).toMatchObject({ reportsDue: 2, reportsSubmitted: 1 });
    expect(data.children).toEqual([{ org: { id: org.yongshui, parentId: org.matian }, figures: expect.objectContaining({ reportsDue: 2 }) }]);
  });

  it("a township's secretary may not read the county as a whole: FORBIDDEN (the department's)", async () => {
    const { error } = await overview(secretaryOf('matian'), {});
    expect(error).toMatchObject({ code: 'FORBIDDEN' });
    expect(JSON.stringify(error)).toContain('role_required');
  });

  it("another township, the county above and another county's org are one NOT_FOUND", async () => {
    for (const orgId of [org.huangcao, org.longtan, org.dept, org.reshui, id()]) {
      expect((await overview(secretaryOf('matian'), { orgId })).error, orgId).toMatchObject({ code: 'NOT_FOUND' });
    }
    expect((await overview(department(), { orgId: org.reshui })).error).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a member is FORBIDDEN', async () => {
    const member = { tenantId: 'yx', userId: 'u-李明', roles: [{ role: 'member', orgId: org.yongshui }] as RoleGrant[] };
    expect((await overview(member, {})).error).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a month still to come is BAD_REQUEST on month; a malformed one too', async () => {
    expect((await overview(department(), { month: '2026-12' })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { month: 'future_month' } });
    expect((await overview(department(), { month: '2026-13' })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { month: expect.any(String) } });
  });
});
