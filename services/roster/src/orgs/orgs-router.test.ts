import type { RoleGrant } from '@tongxin/auth';
import { tenantTransaction } from '@tongxin/db';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { migrations } from '../migrations.ts';
import { members, transfers } from '../schema.ts';
import { seedRoster } from '../testing/roster-fixture.ts';

let h: ServiceHarness;
let ids: Record<string, string>;
let paths: Record<string, string>;
beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  ({ ids, paths } = await seedRoster(h.database));
});
afterAll(() => h.close());

type As = { tenantId: string; userId: string; roles: RoleGrant[] };
const member = (): As => ({ tenantId: 'yx', userId: 'user-liming', roles: [{ role: 'member', orgId: ids.yongshuiMobile! }] });
const secretaryOf = (orgId: string, tenantId = 'yx'): As => ({ tenantId, userId: `sec-${orgId.slice(0, 8)}`, roles: [{ role: 'secretary', orgId }] });
const department = (tenantId = 'yx'): As => ({ tenantId, userId: `dep-${tenantId}`, roles: [{ role: 'department' }] });

const query = (name: string, as: As | undefined, input?: unknown) => h.query(`/api/roster/trpc/orgs.${name}`, { ...(as ? { as } : {}), input });
const mutate = (name: string, as: As, input: unknown) => h.mutate(`/api/roster/trpc/orgs.${name}`, { as, input });

let serial = 0;
const key = (label: string) => `${label}-key-${++serial}`;
/** Advances the harness clock, so each change in a history has its own time. */
const tick = () => (h.clock.now = new Date(h.clock.now.getTime() + 60_000));

const owner = () => h.database.owner;
const count = async (from: string, where = 'true') =>
  Number((await owner().execute(sql.raw(`select count(*)::int as n from roster.${from} where ${where}`))).rows[0]!.n);
const orgRow = async (id: string) =>
  (await owner().execute(sql`select name, path, parent_id as "parentId", closed_at as "closedAt" from roster.orgs where id = ${id}`)).rows[0] as
    { name: string; path: string; parentId: string | null; closedAt: Date | null };
const allPaths = async () =>
  (await owner().execute(sql`select id, path from roster.orgs order by id`)).rows;

async function create(as: As, input: Record<string, unknown>) {
  const result = await mutate('create', as, { idempotencyKey: key('create'), ...input });
  if (result.error) throw new Error(`create failed: ${result.error.message}`);
  return result.data.id as string;
}

describe('orgs.tree', () => {
  it('the department sees its whole tenant with direct member counts, none of the other county', async () => {
    const result = await query('tree', department(), {});
    const byId = new Map<string, any>(result.data.map((o: any) => [o.id, o]));
    for (const k of ['department', 'matian', 'yongshui', 'yongshuiMobile', 'huangcao', 'longtan', 'flowGeneral', 'shenzhen']) {
      expect(byId.has(ids[k]!), k).toBe(true);
    }
    expect(byId.has(ids.reshui!)).toBe(false);
    expect(byId.get(ids.yongshui!)).toMatchObject({ kind: 'branch', name: '涌水村党支部', memberCount: 2, closedAt: null, canManage: true, parentId: ids.matian });
    expect(byId.get(ids.matian!)).toMatchObject({ kind: 'township', place: '马田镇', memberCount: 0 });
  });

  it("a township secretary sees their township's subtree only; its root keeps its parentId", async () => {
    const result = await query('tree', secretaryOf(ids.matian!), {});
    const got = result.data.map((o: any) => o.id).sort();
    expect(got).toEqual([ids.matian, ids.yongshui, ids.yongshuiMobile].sort());
    expect(result.data[0]).toMatchObject({ id: ids.matian, parentId: ids.department });
  });

  it('a member is FORBIDDEN, an anonymous caller UNAUTHORIZED', async () => {
    expect((await query('tree', member(), {})).error?.code).toBe('FORBIDDEN');
    expect((await query('tree', undefined, {})).error?.code).toBe('UNAUTHORIZED');
  });

  it("another county's department sees only its own county", async () => {
    const result = await query('tree', department('rc'), {});
    expect(result.data.map((o: any) => o.id).sort()).toEqual([ids.rcDepartment, ids.reshui].sort());
  });
});

describe('orgs.create', () => {
  it('the department adds a township once, however often the request is retried, with one history entry', async () => {
    const input = { parentId: ids.department, kind: 'township', name: '樟树镇党委', place: '樟树镇', idempotencyKey: key('zhangshu') };
    const orgsBefore = await count('orgs');
    const first = await mutate('create', department(), input);
    const retry = await mutate('create', department(), input);
    expect(first.data.id).toEqual(expect.any(String));
    expect(retry.data).toEqual({ id: first.data.id });
    expect(await count('orgs')).toBe(orgsBefore + 1);
    expect(await count('org_changes', `org_id = '${first.data.id}'`)).toBe(1);
    const row = await orgRow(first.data.id);
    expect(row.path).toBe(`/${ids.department}/${first.data.id}/`);
    const history = await query('history', department(), { orgId: first.data.id });
    expect(history.data).toEqual([{ action: 'created', before: null, after: expect.objectContaining({ name: '樟树镇党委', kind: 'township' }), actorUserId: 'dep-yx', at: h.clock.now.toISOString() }]);
  });

  it('a township secretary adds a branch in their township, under its path', async () => {
    const id = await create(secretaryOf(ids.matian!), { parentId: ids.matian, kind: 'branch', name: '涌水村柑橘产业党支部' });
    expect((await orgRow(id)).path).toBe(`${(await orgRow(ids.matian!)).path}${id}/`);
  });

  it("a branch secretary cannot add under the township above them: BAD_REQUEST naming parentId, nothing added", async () => {
    const before = await count('orgs');
    const result = await mutate('create', secretaryOf(ids.yongshui!), { parentId: ids.matian, kind: 'branch', name: '越权党支部', idempotencyKey: key('outside') });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { parentId: expect.any(String) } });
    expect(await count('orgs')).toBe(before);
  });

  it('an unknown parent is BAD_REQUEST naming parentId, not a server error', async () => {
    const before = await count('orgs');
    const result = await mutate('create', department(), { parentId: crypto.randomUUID(), kind: 'township', name: '无名镇党委', idempotencyKey: key('unknown') });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { parentId: 'org_not_found' } });
    expect(await count('orgs')).toBe(before);
  });

  it('a township under a township is BAD_REQUEST naming kind', async () => {
    const before = await count('orgs');
    const result = await mutate('create', department(), { parentId: ids.matian, kind: 'township', name: '错位镇党委', idempotencyKey: key('kind') });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { kind: 'kind_not_allowed' }, problems: { kind: { params: { parentKind: 'township' } } } });
    expect(await count('orgs')).toBe(before);
  });

  it('a flow organization without its destination city is BAD_REQUEST naming city', async () => {
    const before = await count('orgs');
    const result = await mutate('create', secretaryOf(ids.matian!), { parentId: ids.matian, kind: 'flow_branch', name: '马田镇驻外流动党员党支部', province: '广东省', idempotencyKey: key('flow') });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { city: expect.any(String) } });
    expect(await count('orgs')).toBe(before);
  });

  it('a name of one character is BAD_REQUEST naming name', async () => {
    const result = await mutate('create', department(), { parentId: ids.department, kind: 'township', name: '镇', idempotencyKey: key('short') });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { name: expect.any(String) } });
  });

  it('a member is FORBIDDEN and adds nothing', async () => {
    const before = await count('orgs');
    const result = await mutate('create', member(), { parentId: ids.yongshui, kind: 'branch', name: '自建党支部', idempotencyKey: key('member') });
    expect(result.error?.code).toBe('FORBIDDEN');
    expect(await count('orgs')).toBe(before);
  });

  it('a flow organization a township creates is in the directory other counties search, in the same step', async () => {
    const id = await create(secretaryOf(ids.matian!), { parentId: ids.matian, kind: 'flow_general', name: '马田镇驻广州流动党员党总支', province: '广东省', city: '广州市' });
    const found = await query('directory', secretaryOf(ids.reshui!, 'rc'), { city: '广州' });
    expect(found.data).toContainEqual({ tenantId: 'yx', orgId: id, kind: 'flow_general', name: '马田镇驻广州流动党员党总支', province: '广东省', city: '广州市', path: `${paths.matian}${id}/` });
  });
});

describe('orgs.directory by id', () => {
  it("a check-in link's org is found by its id after a rename; a branch (not in the directory) is not", async () => {
    const id = await create(secretaryOf(ids.matian!), { parentId: ids.matian, kind: 'flow_branch', name: '马田镇驻东莞流动党员党支部', province: '广东省', city: '东莞市' });
    await mutate('rename', secretaryOf(ids.matian!), { orgId: id, name: '马田镇驻东莞长安流动党员党支部', idempotencyKey: key('qr-rename') });
    const found = await query('directory', secretaryOf(ids.reshui!, 'rc'), { orgId: id });
    expect(found.data).toEqual([expect.objectContaining({ tenantId: 'yx', orgId: id, name: '马田镇驻东莞长安流动党员党支部' })]);
    expect((await query('directory', secretaryOf(ids.reshui!, 'rc'), { orgId: ids.yongshui })).data).toEqual([]);
  });
});

describe('orgs.rename and orgs.update', () => {
  it('a township secretary renames a branch in their township; history keeps before, after and who', async () => {
    const id = await create(secretaryOf(ids.matian!), { parentId: ids.matian, kind: 'branch', name: '涌水村老党员党支部' });
    tick();
    const result = await mutate('rename', secretaryOf(ids.matian!), { orgId: id, name: '涌水村银发党支部', idempotencyKey: key('rename') });
    expect(result.data).toEqual({ id });
    expect((await orgRow(id)).name).toBe('涌水村银发党支部');
    const history = await query('history', secretaryOf(ids.matian!), { orgId: id });
    expect(history.data.map((e: any) => e.action)).toEqual(['renamed', 'created']);
    expect(history.data[0]).toMatchObject({ before: { name: '涌水村老党员党支部' }, after: { name: '涌水村银发党支部' }, actorUserId: secretaryOf(ids.matian!).userId });
  });

  it('a branch secretary finds neither the township above nor a sibling branch to rename (NOT_FOUND)', async () => {
    const township = await mutate('rename', secretaryOf(ids.yongshui!), { orgId: ids.matian, name: '改名镇党委', idempotencyKey: key('up') });
    const sibling = await mutate('rename', secretaryOf(ids.yongshui!), { orgId: ids.yongshuiMobile, name: '改名党支部', idempotencyKey: key('side') });
    expect(township.error?.code).toBe('NOT_FOUND');
    expect(sibling.error?.code).toBe('NOT_FOUND');
    expect((await orgRow(ids.matian!)).name).toBe('马田镇党委');
    expect((await orgRow(ids.yongshuiMobile!)).name).toBe('涌水村流动党员党支部');
  });

  it("another county's department finds no such org; a member is FORBIDDEN", async () => {
    expect((await mutate('rename', department('rc'), { orgId: ids.yongshui, name: '外县改名', idempotencyKey: key('rc') })).error?.code).toBe('NOT_FOUND');
    expect((await mutate('rename', member(), { orgId: ids.yongshui, name: '成员改名', idempotencyKey: key('mem') })).error?.code).toBe('FORBIDDEN');
    expect((await orgRow(ids.yongshui!)).name).toBe('涌水村党支部');
  });

  it('renaming the department updates its directory entry; a retried rename records one change', async () => {
    const input = { orgId: ids.department, name: '中共永兴县委组织部', idempotencyKey: key('dep-rename') };
    await mutate('rename', department(), input);
    await mutate('rename', department(), input);
    expect(await count('org_changes', `idempotency_key = '${input.idempotencyKey}'`)).toBe(1);
    const found = await query('directory', member(), { name: '中共永兴' });
    expect(found.data).toEqual([expect.objectContaining({ orgId: ids.department, kind: 'department', name: '中共永兴县委组织部' })]);
  });

  it("the department sets a flow branch's place; clearing its city is BAD_REQUEST naming city", async () => {
    const ok = await mutate('update', department(), { orgId: ids.shenzhen, province: '广东省', city: '深圳市', address: '宝安区', idempotencyKey: key('place') });
    expect(ok.data).toEqual({ id: ids.shenzhen });
    const bad = await mutate('update', department(), { orgId: ids.shenzhen, city: null, idempotencyKey: key('clear') });
    expect(bad.error).toMatchObject({ code: 'BAD_REQUEST', fields: { city: expect.any(String) } });
    const tree = await query('tree', department(), {});
    expect(tree.data.find((o: any) => o.id === ids.shenzhen)).toMatchObject({ province: '广东省', city: '深圳市', address: '宝安区' });
    const history = await query('history', department(), { orgId: ids.shenzhen });
    expect(history.data).toEqual([expect.objectContaining({ action: 'updated', before: { province: null, city: null, address: null } })]);
  });
});

describe('orgs.move', () => {
  // 东风镇 → 东风村党总支 → 东风一组党支部 (two members, one open transfer); 西岭镇 empty.
  let dongfeng: string, xiling: string, general: string, group: string, general2: string;
  let memberIds: string[];
  beforeAll(async () => {
    dongfeng = await create(department(), { parentId: ids.department, kind: 'township', name: '东风镇党委' });
    xiling = await create(department(), { parentId: ids.department, kind: 'township', name: '西岭镇党委' });
    general = await create(department(), { parentId: dongfeng, kind: 'general_branch', name: '东风村党总支' });
    general2 = await create(department(), { parentId: dongfeng, kind: 'general_branch', name: '东风新村党总支' });
    group = await create(department(), { parentId: general, kind: 'branch', name: '东风一组党支部' });
    const groupPath = (await orgRow(group)).path;
    const added = await owner().insert(members).values([
      { tenantId: 'yx', name: '王建国', branchId: group, orgPath: groupPath },
      { tenantId: 'yx', name: '王建军', branchId: group, orgPath: groupPath },
    ]).returning({ id: members.id });
    memberIds = added.map((m) => m.id);
    await owner().insert(transfers).values({
      tenantId: 'yx', memberId: memberIds[0]!, fromBranchId: group, fromPath: groupPath, toTenantId: 'yx', toOrgId: ids.longtan!,
      requestedBy: 'sec', requestedByRole: 'secretary', ledger: {},
    });
  });

  /** The member names a secretary's scope shows, read through RLS as the members list reads them. */
  const visibleTo = (orgId: string) =>
    tenantTransaction(h.database, { tenantId: 'yx', userId: 'sec', orgIds: [orgId] }, async (tx) =>
      (await tx.execute(sql`select name from roster.members where name like '王建%' order by name`)).rows.map((r) => r.name));

  it("moving a general branch to another township re-paths its subtree, its members and open transfers; the secretaries' lists follow", async () => {
    expect(await visibleTo(dongfeng)).toEqual(['王建军', '王建国']);
    expect(await visibleTo(xiling)).toEqual([]);
    tick();
    const result = await mutate('move', department(), { orgId: general, newParentId: xiling, idempotencyKey: key('move') });
    expect(result.data).toEqual({ id: general });
    const xilingPath = (await orgRow(xiling)).path;
    expect(await orgRow(general)).toMatchObject({ parentId: xiling, path: `${xilingPath}${general}/` });
    const groupPath = `${xilingPath}${general}/${group}/`;
    expect((await orgRow(group)).path).toBe(groupPath);
    const memberPaths = await owner().execute(sql`select distinct org_path from roster.members where branch_id = ${group}`);
    expect(memberPaths.rows).toEqual([{ org_path: groupPath }]);
    const transferPaths = await owner().execute(sql`select from_path from roster.transfers where member_id = ${memberIds[0]!}`);
    expect(transferPaths.rows).toEqual([{ from_path: groupPath }]);
    expect(await visibleTo(xiling)).toEqual(['王建军', '王建国']);
    expect(await visibleTo(dongfeng)).toEqual([]);
    const history = await query('history', department(), { orgId: general });
    expect(history.data[0]).toMatchObject({ action: 'moved', before: { parentId: dongfeng }, after: { parentId: xiling, path: `${xilingPath}${general}/` } });
  });

  it('a township secretary moves a branch between general branches of their township; a retry records one move', async () => {
    await mutate('move', department(), { orgId: general, newParentId: dongfeng, idempotencyKey: key('back') });
    const input = { orgId: group, newParentId: general2, idempotencyKey: key('sec-move') };
    const first = await mutate('move', secretaryOf(dongfeng), input);
    const retry = await mutate('move', secretaryOf(dongfeng), input);
    expect(first.data).toEqual({ id: group });
    expect(retry.data).toEqual({ id: group });
    expect((await orgRow(group)).path).toBe(`${(await orgRow(general2)).path}${group}/`);
    expect(await count('org_changes', `idempotency_key = '${input.idempotencyKey}'`)).toBe(1);
    expect(await visibleTo(general2)).toEqual(['王建军', '王建国']);
  });

  it('moving an org under its own descendant is BAD_REQUEST naming newParentId, and no path changes', async () => {
    const before = await allPaths();
    const changes = await count('org_changes');
    const under = await mutate('move', department(), { orgId: dongfeng, newParentId: general2, idempotencyKey: key('cycle') });
    const itself = await mutate('move', department(), { orgId: general2, newParentId: general2, idempotencyKey: key('self') });
    expect(under.error).toMatchObject({ code: 'BAD_REQUEST', fields: { newParentId: 'would_make_cycle' } });
    expect(itself.error).toMatchObject({ code: 'BAD_REQUEST', fields: { newParentId: 'would_make_cycle' } });
    expect(await allPaths()).toEqual(before);
    expect(await count('org_changes')).toBe(changes);
  });

  it('the department root cannot move; a branch cannot go under a branch', async () => {
    const root = await mutate('move', department(), { orgId: ids.department, newParentId: dongfeng, idempotencyKey: key('root') });
    expect(root.error).toMatchObject({ code: 'BAD_REQUEST', fields: { orgId: expect.any(String) } });
    const kind = await mutate('move', department(), { orgId: group, newParentId: ids.yongshui, idempotencyKey: key('kind') });
    expect(kind.error).toMatchObject({ code: 'BAD_REQUEST', fields: { newParentId: 'kind_not_allowed' } });
  });

  it("a secretary cannot move an org out of their subtree; another township's branch is NOT_FOUND to them", async () => {
    const before = await allPaths();
    const out = await mutate('move', secretaryOf(dongfeng), { orgId: group, newParentId: xiling, idempotencyKey: key('out') });
    expect(out.error).toMatchObject({ code: 'BAD_REQUEST', fields: { newParentId: expect.any(String) } });
    const other = await mutate('move', secretaryOf(dongfeng), { orgId: ids.yongshui, newParentId: general2, idempotencyKey: key('steal') });
    expect(other.error?.code).toBe('NOT_FOUND');
    expect((await mutate('move', member(), { orgId: group, newParentId: general, idempotencyKey: key('member') })).error?.code).toBe('FORBIDDEN');
    expect(await allPaths()).toEqual(before);
  });
});

describe('orgs.close', () => {
  it('an org with members is BAD_REQUEST naming orgId ("move its members first") and stays open', async () => {
    const changes = await count('org_changes');
    const result = await mutate('close', department(), { orgId: ids.yongshuiMobile, idempotencyKey: key('members') });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { orgId: 'org_has_members' } });
    expect((await orgRow(ids.yongshuiMobile!)).closedAt).toBeNull();
    expect(await count('org_changes')).toBe(changes);
  });

  it('an org with open children is BAD_REQUEST naming orgId', async () => {
    const result = await mutate('close', department(), { orgId: ids.huangcao, idempotencyKey: key('children') });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { orgId: 'org_has_children' } });
    expect((await orgRow(ids.huangcao!)).closedAt).toBeNull();
  });

  it('an empty branch closes: it leaves the tree unless asked for, takes no children, and its history says so', async () => {
    const id = await create(secretaryOf(ids.huangcao!), { parentId: ids.huangcao, kind: 'general_branch', name: '龙潭村党总支' });
    tick();
    const result = await mutate('close', secretaryOf(ids.huangcao!), { orgId: id, idempotencyKey: key('close') });
    expect(result.data).toEqual({ id });
    const open = await query('tree', secretaryOf(ids.huangcao!), {});
    expect(open.data.some((o: any) => o.id === id)).toBe(false);
    const all = await query('tree', secretaryOf(ids.huangcao!), { includeClosed: true });
    expect(all.data.find((o: any) => o.id === id)).toMatchObject({ closedAt: h.clock.now.toISOString(), canManage: false });
    const child = await mutate('create', secretaryOf(ids.huangcao!), { parentId: id, kind: 'branch', name: '新党支部', idempotencyKey: key('child') });
    expect(child.error).toMatchObject({ code: 'BAD_REQUEST', fields: { parentId: expect.stringMatching(/closed/) } });
    const moved = await mutate('move', department(), { orgId: ids.longtan, newParentId: id, idempotencyKey: key('into-closed') });
    expect(moved.error).toMatchObject({ code: 'BAD_REQUEST', fields: { newParentId: expect.stringMatching(/closed/) } });
    const history = await query('history', department(), { orgId: id });
    expect(history.data.map((e: any) => e.action)).toEqual(['closed', 'created']);
  });

  it('a closed flow organization leaves the directory', async () => {
    const id = await create(department(), { parentId: ids.huangcao, kind: 'flow_branch', name: '黄草镇驻福州流动党员党支部', province: '福建省', city: '福州市' });
    expect((await query('directory', member(), { city: '福州' })).data.map((e: any) => e.orgId)).toEqual([id]);
    await mutate('close', department(), { orgId: id, idempotencyKey: key('close-flow') });
    expect((await query('directory', member(), { city: '福州' })).data).toEqual([]);
    // And reporting hears of it, so a check-in to it is refused at once.
    const events = await h.database.owner.execute(sql`select payload from roster.outbox where topic = 'roster.org_closed' and payload->>'orgId' = ${id}`);
    expect(events.rows).toHaveLength(1);
  });

  it('create, rename and close each announce the org to the services that copy it (roster.org_saved)', async () => {
    const id = await create(department(), { parentId: ids.matian, kind: 'branch', name: '茶园村党支部' });
    await mutate('rename', department(), { orgId: id, name: '茶园村第一党支部', idempotencyKey: key('rename-saved') });
    await mutate('close', department(), { orgId: id, idempotencyKey: key('close-saved') });
    const events = await h.database.owner.execute(sql`select payload from roster.outbox where topic = 'roster.org_saved' and payload->>'orgId' = ${id} order by created_at, payload->>'name' desc`);
    const payloads = events.rows.map((r: any) => r.payload);
    expect(payloads.map((p: any) => [p.name, p.kind, p.path, p.closedAt !== null])).toEqual([
      ['茶园村党支部', 'branch', `${paths.matian}${id}/`, false],
      ['茶园村第一党支部', 'branch', `${paths.matian}${id}/`, false],
      ['茶园村第一党支部', 'branch', `${paths.matian}${id}/`, true],
    ]);
  });

  it("a member is FORBIDDEN; another township's secretary finds no such org", async () => {
    const id = await create(department(), { parentId: ids.matian, kind: 'branch', name: '待撤销党支部' });
    expect((await mutate('close', member(), { orgId: id, idempotencyKey: key('m') })).error?.code).toBe('FORBIDDEN');
    expect((await mutate('close', secretaryOf(ids.huangcao!), { orgId: id, idempotencyKey: key('s') })).error?.code).toBe('NOT_FOUND');
    expect((await orgRow(id)).closedAt).toBeNull();
  });
});

describe('orgs.history', () => {
  it("a branch secretary finds no sibling branch's history (NOT_FOUND); a member is FORBIDDEN", async () => {
    expect((await query('history', secretaryOf(ids.yongshui!), { orgId: ids.yongshuiMobile })).error?.code).toBe('NOT_FOUND');
    expect((await query('history', member(), { orgId: ids.yongshui })).error?.code).toBe('FORBIDDEN');
    expect((await query('history', department('rc'), { orgId: ids.yongshui })).error?.code).toBe('NOT_FOUND');
  });
});

describe('orgs.branches', () => {
  it("a branch secretary sees every open branch of the county as a transfer target, not only their own; another county's none", async () => {
    const names = (result: { data: { name: string }[] }) => result.data.map((b) => b.name);
    const mine = await query('branches', secretaryOf(ids.yongshui!));
    expect(names(mine)).toEqual(expect.arrayContaining(['涌水村党支部', '涌水村流动党员党支部', '龙潭村党支部', '永兴县驻深圳流动党员党支部']));
    expect(names(mine)).not.toContain('马田镇党委');
    expect(names(await query('branches', secretaryOf(ids.reshui!, 'rc')))).not.toContain('龙潭村党支部');
    expect(names(await query('branches', member()))).toContain('龙潭村党支部');
  });

  it('an anonymous caller is UNAUTHORIZED; an account with none of the roles is FORBIDDEN', async () => {
    expect((await query('branches', undefined)).error?.code).toBe('UNAUTHORIZED');
    expect((await query('branches', { tenantId: 'yx', userId: 'admin', roles: [{ role: 'operator' }] })).error?.code).toBe('FORBIDDEN');
  });
});

describe('orgs.directory', () => {
  it('any logged-in user searches every county by name and kind; an anonymous caller is UNAUTHORIZED', async () => {
    const id = await create(department('rc'), { parentId: ids.rcDepartment, kind: 'branch', name: '汝城县驻佛山临时党支部' });
    // A plain branch is not addressable from other counties: not in the directory.
    expect((await query('directory', member(), { name: '佛山' })).data.map((e: any) => e.orgId)).not.toContain(id);
    const departments = await query('directory', member(), { kinds: ['department'] });
    expect(departments.data.every((e: any) => e.kind === 'department')).toBe(true);
    expect((await query('directory', undefined, {})).error?.code).toBe('UNAUTHORIZED');
  });

  it("a search for 100% matches the text, not every entry; a bad kind is BAD_REQUEST naming kinds", async () => {
    expect((await query('directory', member(), { name: '100%' })).data).toEqual([]);
    const bad = await query('directory', member(), { kinds: ['branch'] });
    expect(bad.error).toMatchObject({ code: 'BAD_REQUEST', fields: { 'kinds.0': expect.any(String) } });
  });
});
