import type { Database, DomainEvent } from '@tongxin/db';
import { createTestDatabase } from '@tongxin/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../migrations.ts';
import { checkins, meetings, members, suggestions } from '../schema.ts';
import { applyRosterEventToReporting } from './apply-roster-event.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase([migrations]);
});
afterAll(() => database.close());

const id = () => crypto.randomUUID();
const [dept, matian, yongshui, flowBranch] = [id(), id(), id(), id()];
const yongshuiPath = `/${dept}/${matian}/${yongshui}/`;
const event = (topic: string, payload: unknown, tenantId = 'yx'): DomainEvent => ({ id: id(), tenantId, topic, payload, createdAt: new Date() });
const rows = async (query: ReturnType<typeof sql>) => (await database.owner.execute(query)).rows as any[];
const member = async (memberId: string) => (await rows(sql`select * from reporting.members where member_id = ${memberId}`))[0];

describe('applyRosterEventToReporting', () => {
  it('copies a created member with the path of a member of the same branch, once', async () => {
    await database.owner.insert(members).values({ tenantId: 'yx', memberId: id(), userId: 'u-caodesheng', name: '曹德胜', branchId: yongshui, orgPath: yongshuiPath, status: 'resident' });
    const liming = id();
    const created = event('roster.member_created', { memberId: liming, userId: 'u-liming', name: '李明', branchId: yongshui });
    expect(await applyRosterEventToReporting(database, created)).toBe('applied');
    expect(await applyRosterEventToReporting(database, created)).toBe('duplicate');
    expect(await member(liming)).toMatchObject({ name: '李明', user_id: 'u-liming', org_path: yongshuiPath, status: 'resident' });
  });

  it('uses the path and status roster sends with the created member', async () => {
    const [branch, zhou] = [id(), id()];
    const full = `/${dept}/${matian}/${branch}/`;
    await applyRosterEventToReporting(database, event('roster.member_created', { memberId: zhou, userId: 'u-zhou', name: '周秀英', branchId: branch, orgPath: full, status: 'mobile' }));
    expect(await member(zhou)).toMatchObject({ org_path: full, status: 'mobile' });
  });

  it('a member of a branch not yet copied gets the branch as path until an update brings the full one', async () => {
    const [branch, huang] = [id(), id()];
    await applyRosterEventToReporting(database, event('roster.member_created', { memberId: huang, userId: null, name: '黄文杰', branchId: branch }));
    expect((await member(huang)).org_path).toBe(`/${branch}/`);
    const full = `/${dept}/${id()}/${branch}/`;
    await applyRosterEventToReporting(database, event('roster.member_updated', { memberId: huang, userId: 'u-huang', name: '黄文杰', branchId: branch, orgPath: full, status: 'mobile' }));
    expect(await member(huang)).toMatchObject({ org_path: full, status: 'mobile', user_id: 'u-huang' });
  });

  it('member_updated inserts a member reporting has not seen and a later member_created leaves it', async () => {
    const li = id();
    await applyRosterEventToReporting(database, event('roster.member_updated', { memberId: li, userId: 'u-lihua', name: '李华', branchId: yongshui, orgPath: yongshuiPath, status: 'lost_contact' }));
    await applyRosterEventToReporting(database, event('roster.member_created', { memberId: li, userId: 'u-lihua', name: '李华', branchId: yongshui }));
    expect(await member(li)).toMatchObject({ status: 'lost_contact', org_path: yongshuiPath });
  });

  it('org_moved re-paths every copied path under the org in its tenant, and nothing else', async () => {
    const huangcao = id();
    const newPath = `/${dept}/${huangcao}/${yongshui}/`;
    const moved = { orgId: yongshui, fromPath: yongshuiPath, toPath: newPath };
    const base = { userId: 'u-x', grantFields: [] as string[], destOrgName: '永兴县驻深圳流动党员党支部' };
    // Home side (yx member), destination side (rc member checked in with a yx org under the moved one), and another county's rows.
    await database.owner.insert(checkins).values([
      { ...base, memberId: id(), tenantId: 'yx', orgPath: `${yongshuiPath}`, destTenantId: 'sz', destOrgId: flowBranch, destOrgPath: `/sz/${flowBranch}/` },
      { ...base, memberId: id(), tenantId: 'rc', orgPath: '/rc/b/', destTenantId: 'yx', destOrgId: yongshui, destOrgPath: yongshuiPath },
      { ...base, memberId: id(), tenantId: 'rc', orgPath: yongshuiPath, destTenantId: 'rc', destOrgId: flowBranch, destOrgPath: '/rc/f/' },
    ]);
    const t = new Date();
    await database.owner.insert(meetings).values({ tenantId: 'yx', orgId: yongshui, orgPath: yongshuiPath, kind: 'themed_party_day', title: '主题党日', mode: 'online', startsAt: t, endsAt: t, reportDeadline: t, createdBy: 'sec' });
    await database.owner.insert(suggestions).values({ tenantId: 'yx', memberId: id(), userId: 'u-x', toOrgId: yongshui, toOrgPath: yongshuiPath, category: 'industry', title: '冰糖橙', body: '网上卖' });
    const other = id();
    await database.owner.insert(members).values({ tenantId: 'rc', memberId: other, name: '朱国平', branchId: yongshui, orgPath: yongshuiPath, status: 'resident' });

    const movedEvent = event('roster.org_moved', moved);
    expect(await applyRosterEventToReporting(database, movedEvent)).toBe('applied');
    expect(await applyRosterEventToReporting(database, movedEvent)).toBe('duplicate');

    expect(await rows(sql`select count(*)::int as n from reporting.members where tenant_id = 'yx' and org_path like ${yongshuiPath + '%'}`)).toEqual([{ n: 0 }]);
    expect((await rows(sql`select count(*)::int as n from reporting.members where tenant_id = 'yx' and org_path = ${newPath}`))[0].n).toBeGreaterThanOrEqual(2);
    expect((await member(other)).org_path).toBe(yongshuiPath);
    expect(await rows(sql`select tenant_id, org_path, dest_org_path from reporting.checkins order by tenant_id, dest_tenant_id`)).toEqual([
      { tenant_id: 'rc', org_path: yongshuiPath, dest_org_path: '/rc/f/' },
      { tenant_id: 'rc', org_path: '/rc/b/', dest_org_path: newPath },
      { tenant_id: 'yx', org_path: newPath, dest_org_path: `/sz/${flowBranch}/` },
    ]);
    expect(await rows(sql`select org_path from reporting.meetings`)).toEqual([{ org_path: newPath }]);
    expect(await rows(sql`select to_org_path from reporting.suggestions`)).toEqual([{ to_org_path: newPath }]);
  });

  it("org_saved keeps the directory check-ins read a destination from (its name, path and closure); org_moved re-paths it; each county's only", async () => {
    const [gz, huangcao] = [id(), id()];
    const saved = (closedAt: string | null, name = '永兴县驻广州流动党员党支部') =>
      event('roster.org_saved', { orgId: gz, kind: 'flow_branch', name, path: `/${dept}/${matian}/${gz}/`, city: '广州', closedAt });
    const directory = () => rows(sql`select tenant_id, name, path, closed_at is not null as closed from reporting.org_directory where org_id = ${gz}`);
    expect(await applyRosterEventToReporting(database, saved(null))).toBe('applied');
    expect(await directory()).toEqual([{ tenant_id: 'yx', name: '永兴县驻广州流动党员党支部', path: `/${dept}/${matian}/${gz}/`, closed: false }]);
    expect(await applyRosterEventToReporting(database, saved('2026-11-01T00:00:00.000Z', '永兴县驻广州流动党支部'))).toBe('applied');
    expect(await directory()).toEqual([{ tenant_id: 'yx', name: '永兴县驻广州流动党支部', path: `/${dept}/${matian}/${gz}/`, closed: true }]);
    await applyRosterEventToReporting(database, event('roster.org_moved', { orgId: matian, fromPath: `/${dept}/${matian}/`, toPath: `/${dept}/${huangcao}/${matian}/` }));
    expect((await directory())[0].path).toBe(`/${dept}/${huangcao}/${matian}/${gz}/`);
    // Another county moving an org with the same path prefix leaves this county's entries alone.
    await applyRosterEventToReporting(database, event('roster.org_moved', { orgId: huangcao, fromPath: `/${dept}/${huangcao}/`, toPath: `/${dept}/` }, 'rc'));
    expect((await directory())[0].path).toBe(`/${dept}/${huangcao}/${matian}/${gz}/`);
  });

  it('ignores topics it does not keep', async () => {
    expect(await applyRosterEventToReporting(database, event('roster.transfer_accepted', {}))).toBe('ignored');
  });
});
