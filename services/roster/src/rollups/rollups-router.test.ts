import { chinaMonth } from '@tongxin/calendar';
import { rebuildRollups, refreshRollups } from '@tongxin/rollups';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { migrations } from '../migrations.ts';
import { members, orgDirectory } from '../schema.ts';
import { callers } from '../testing/callers.ts';
import { seedRoster } from '../testing/roster-fixture.ts';
import { rosterRollups } from './rollup-spec.ts';

let h: ServiceHarness;
let ids: Record<string, string>;
let paths: Record<string, string>;
let as: ReturnType<typeof callers>;
let month: string;

const trpc = (name: string) => `/api/roster/trpc/rollups.${name}`;

beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  ({ ids, paths } = await seedRoster(h.database));
  as = callers(ids);
  month = chinaMonth(h.clock.now);
  const db = h.database.owner;
  // On the roster since January, whatever the machine's clock says.
  await db.execute(sql`update roster.members set created_at = '2026-01-01T00:00:00+08:00'`);
  // 李明 (深圳, 涌水村流动党员党支部) has checked in with the county's own flow branch there.
  await db.execute(sql`update roster.orgs set province = '广东省', city = '深圳' where id = ${ids.shenzhen}`);
  const liMing = (await db.execute(sql`select id from roster.members where name = '李明'`)).rows[0]!.id as string;
  await db.execute(sql`insert into roster.ledger_grants (tenant_id, member_id, checkin_id, grantee_tenant_id, grantee_org_id, grantee_org_path, fields, data, granted_by, granted_at)
    values ('yx', ${liMing}, gen_random_uuid(), 'yx', ${ids.shenzhen}, ${paths.shenzhen}, '{}', '{}', 'sec', '2026-10-01T00:00:00+08:00')`);
  // The directory: this county's flow branch in 深圳, the other county's in 东莞.
  await db.execute(sql`insert into roster.orgs (tenant_id, id, parent_id, kind, name, path, province, city)
    values ('rc', ${(ids.rcDongguan = crypto.randomUUID())}, ${ids.rcDepartment}, 'flow_branch', '汝城县驻东莞流动党员党支部', ${`${paths.rcDepartment}${ids.rcDongguan}/`}, '广东省', '东莞市')`);
  await db.insert(orgDirectory).values([
    { tenantId: 'yx', orgId: ids.shenzhen!, kind: 'flow_branch', name: '永兴县驻深圳流动党员党支部', province: '广东省', city: '深圳', path: paths.shenzhen },
    { tenantId: 'rc', orgId: ids.rcDongguan, kind: 'flow_branch', name: '汝城县驻东莞流动党员党支部', province: '广东省', city: '东莞市', path: `${paths.rcDepartment}${ids.rcDongguan}/` },
  ]);
  // More away: two more in 深圳 and 东莞 each, three in 厦门 (two at one employer), one in 长沙, one within the county (马田镇).
  const away = (branch: string, name: string, city: string, employer: string | null) => ({
    tenantId: 'yx', name, branchId: ids[branch]!, orgPath: paths[branch]!, status: 'mobile' as const, destinationProvince: city === '马田镇' ? '湖南省' : '广东省',
    destinationCity: city, employer, createdAt: new Date('2026-01-01T00:00:00+08:00'),
  });
  await db.insert(members).values([
    away('yongshuiMobile', '李强', '深圳', '深圳华强电子厂'),
    away('yongshuiMobile', '李刚', '深圳', null),
    away('yongshuiMobile', '李军', '东莞', '东莞长安五金厂'),
    away('yongshuiMobile', '李伟', '东莞', '东莞长安五金厂'),
    away('yongshuiMobile', '李平', '厦门', '厦门市集美食品厂'),
    away('yongshuiMobile', '李安', '厦门', '厦门市集美食品厂'),
    away('longtan', '黄安', '厦门', null),
    away('longtan', '黄平', '长沙', null),
    away('longtan', '黄明', '马田镇', null),
  ]);
  await rebuildRollups(h.database.system, rosterRollups, 'yx', [month], () => h.clock.now);
});
afterAll(() => h.close());

describe('rollups.overview', () => {
  it("the department reads the county's figures, with each township's", async () => {
    const result = await h.query(trpc('overview'), { as: as.department(), input: { month } });
    expect(result.error).toBeNull();
    expect(result.data.org).toEqual({ id: ids.department, parentId: null });
    // 5 members of the fixture (李明, 李华 away) and 9 more away.
    expect(result.data.figures).toMatchObject({ members: 14, mobile: 11, checkedIn: 1, withinCounty: 1, outOfCounty: 10, 'place:|深圳': 1, 'place:广东省|深圳': 2 });
    const matian = result.data.children.find((c: { org: { id: string } }) => c.org.id === ids.matian);
    expect(matian.figures).toMatchObject({ members: 10, mobile: 8 });
  });

  it('a township secretary reads their own subtree', async () => {
    const result = await h.query(trpc('overview'), { as: as.secretaryOf('matian'), input: { month, orgId: ids.matian } });
    expect(result.error).toBeNull();
    expect(result.data.figures).toMatchObject({ members: 10, mobile: 8, 'gender:unknown': 8 });
  });

  it('a township secretary may not read the county as a whole (FORBIDDEN)', async () => {
    const result = await h.query(trpc('overview'), { as: as.secretaryOf('matian'), input: { month } });
    expect(result.error).toMatchObject({ code: 'FORBIDDEN', reason: 'role_required' });
  });

  it("another township's org, or another county's, is NOT_FOUND", async () => {
    for (const orgId of [ids.huangcao, ids.rcDepartment]) {
      const result = await h.query(trpc('overview'), { as: as.secretaryOf('matian'), input: { month, orgId } });
      expect(result.error?.code).toBe('NOT_FOUND');
    }
    const department = await h.query(trpc('overview'), { as: as.department(), input: { month, orgId: ids.rcDepartment } });
    expect(department.error?.code).toBe('NOT_FOUND');
  });

  it('a member is FORBIDDEN', async () => {
    const result = await h.query(trpc('overview'), { as: as.memberAs('user-liming', 'yongshuiMobile'), input: { month } });
    expect(result.error?.code).toBe('FORBIDDEN');
  });

  it('a future month is BAD_REQUEST naming month', async () => {
    const result = await h.query(trpc('overview'), { as: as.department(), input: { month: '2099-01' } });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { month: 'future_month' } });
  });
});

describe('rollups.places', () => {
  it('the department sees where the county is, most members first, with the flow organizations there and where a branch could form', async () => {
    const result = await h.query(trpc('places'), { as: as.department(), input: { month } });
    expect(result.error).toBeNull();
    // Ties in any order; 深圳 and 东莞 are one place each although some ledgers name no province.
    expect(result.data.map((p: { members: number }) => p.members)).toEqual([3, 3, 3, 1, 1]);
    expect(result.data.map((p: { city: string }) => p.city).sort()).toEqual(['东莞', '厦门', '深圳', '长沙', '马田镇'].sort());
    const at = (city: string) => result.data.find((p: { city: string }) => p.city === city);
    const [dongguan, xiamen, shenzhen] = [at('东莞'), at('厦门'), at('深圳')];
    // Another county's flow organization in 东莞 counts as existing: no proposal.
    expect(dongguan).toEqual({
      province: '广东省', city: '东莞', members: 3, checkedIn: 0,
      employers: [{ name: '东莞长安五金厂', members: 2 }],
      flowOrgs: [{ name: '汝城县驻东莞流动党员党支部', ours: false }],
      proposeFlowBranch: false,
    });
    // Three in 厦门 and no flow organization there: propose one.
    expect(xiamen).toMatchObject({ city: '厦门', members: 3, flowOrgs: [], proposeFlowBranch: true, employers: [{ name: '厦门市集美食品厂', members: 2 }] });
    expect(shenzhen).toMatchObject({ province: '广东省', members: 3, checkedIn: 1, employers: [{ name: '深圳华强电子厂', members: 1 }], flowOrgs: [{ name: '永兴县驻深圳流动党员党支部', ours: true }], proposeFlowBranch: false });
    expect(at('长沙')).toMatchObject({ members: 1, proposeFlowBranch: false });
  });

  it("a township secretary sees their subtree's places only", async () => {
    const result = await h.query(trpc('places'), { as: as.secretaryOf('huangcao'), input: { month, orgId: ids.huangcao } });
    expect(result.error).toBeNull();
    expect(result.data.map((p: { city: string; members: number }) => `${p.city} ${p.members}`).sort()).toEqual(['厦门 1', '长沙 1', '马田镇 1'].sort());
    // One of the county's three in 厦门 is here: the subtree alone proposes nothing.
    expect(result.data.every((p: { proposeFlowBranch: boolean }) => !p.proposeFlowBranch)).toBe(true);
  });

  it('a township secretary may not read the county as a whole, nor another subtree or county', async () => {
    expect((await h.query(trpc('places'), { as: as.secretaryOf('matian'), input: { month } })).error).toMatchObject({ code: 'FORBIDDEN', reason: 'role_required' });
    for (const orgId of [ids.huangcao, ids.rcDepartment]) {
      expect((await h.query(trpc('places'), { as: as.secretaryOf('matian'), input: { month, orgId } })).error?.code).toBe('NOT_FOUND');
    }
  });

  it('a member is FORBIDDEN; a future month is BAD_REQUEST naming month', async () => {
    expect((await h.query(trpc('places'), { as: as.memberAs('user-liming', 'yongshuiMobile'), input: { month } })).error?.code).toBe('FORBIDDEN');
    expect((await h.query(trpc('places'), { as: as.department(), input: { month: '2099-01' } })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { month: 'future_month' } });
  });

  it('a month before any rollup answers no places', async () => {
    const result = await h.query(trpc('places'), { as: as.department(), input: { month: '2025-01' } });
    expect(result.data).toEqual([]);
  });
});

describe('a write marks the month and the refresh takes it', () => {
  it("a secretary's outflow marks this month; the refresh then counts the member away", async () => {
    await h.database.system.execute(sql`delete from roster.rollup_marks`);
    const caoDesheng = (await h.database.owner.execute(sql`select id from roster.members where name = '曹德胜'`)).rows[0]!.id as string;
    const outflow = {
      memberId: caoDesheng, leftOn: `${month}-01`, destinationProvince: '广东省', destinationCity: '东莞', reasonCode: 'work', reason: '进厂', expectedMonths: 12, idempotencyKey: 'rollup-outflow',
    };
    expect((await h.mutate('/api/roster/trpc/mobility.registerOutflow', { as: as.secretaryOf('yongshui'), input: outflow })).error).toBeNull();
    const marks = (await h.database.system.execute(sql`select tenant_id, month from roster.rollup_marks`)).rows;
    expect(marks).toContainEqual({ tenant_id: 'yx', month });
    expect(await refreshRollups(h.database.system, rosterRollups, () => h.clock.now)).toBeGreaterThanOrEqual(1);
    expect((await h.database.system.execute(sql`select 1 from roster.rollup_marks where month = ${month}`)).rows).toHaveLength(0);
    const result = await h.query(trpc('overview'), { as: as.department(), input: { month } });
    // The reason given at 外出登记 counts from the member row; nobody else away has one recorded.
    expect(result.data.figures).toMatchObject({ members: 14, mobile: 12, outOfCounty: 11, 'awayReason:work': 1, 'awayReason:unknown': 11 });
    const places = await h.query(trpc('places'), { as: as.department(), input: { month } });
    expect(places.data[0]).toMatchObject({ city: '东莞', members: 4 });
  });

  it('a change to 学历 or to the reason for leaving alone marks the running month (a phone number does not); the month then counts the member in the band', async () => {
    const marks = async () => (await h.database.system.execute(sql`select tenant_id from roster.rollup_marks`)).rows;
    await h.database.system.execute(sql`delete from roster.rollup_marks`);
    await h.database.system.execute(sql`update roster.members set phone = '13900001111' where name = '李强'`);
    expect(await marks()).toEqual([]);
    await h.database.system.execute(sql`update roster.members set education = 'college' where name = '李强'`);
    expect(await marks()).toContainEqual({ tenant_id: 'yx' });
    await h.database.system.execute(sql`delete from roster.rollup_marks`);
    await h.database.system.execute(sql`update roster.members set away_reason = 'business' where name = '李刚'`);
    expect(await marks()).toContainEqual({ tenant_id: 'yx' });
    // The trigger marks the machine's running month; the harness's clock month is rebuilt here.
    await rebuildRollups(h.database.system, rosterRollups, 'yx', [month], () => h.clock.now);
    const { data } = await h.query(trpc('overview'), { as: as.department(), input: { month } });
    expect(data.figures).toMatchObject({ 'education:college': 1, 'education:unknown': 11, 'awayReason:business': 1, 'awayReason:work': 1, 'awayReason:unknown': 10 });
  });
});
