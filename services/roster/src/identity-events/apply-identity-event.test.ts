import { tenantTransaction, type Database, type DomainEvent } from '@tongxin/db';
import { createTestDatabase } from '@tongxin/db/testing';
import { applyRosterEventToReporting, migrations as reportingMigrations } from '@tongxin/reporting';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../migrations.ts';
import { createOrg } from '../orgs/create-org.ts';
import { searchDirectory } from '../orgs/search-directory.ts';
import { seedRoster } from '../testing/roster-fixture.ts';
import { applyIdentityEventToRoster } from './apply-identity-event.ts';

let database: Database;
let ids: Record<string, string>;
beforeAll(async () => {
  database = await createTestDatabase([migrations, reportingMigrations]);
  ({ ids } = await seedRoster(database));
});
afterAll(() => database.close());

const NOW = new Date('2026-11-02T02:00:00Z');
const event = (tenantId: string, topic: string, payload: unknown): DomainEvent => ({ id: crypto.randomUUID(), tenantId, topic, payload, createdAt: NOW });
const rows = async (query: ReturnType<typeof sql>) => (await database.owner.execute(query)).rows as Record<string, unknown>[];
const memberId = async (name: string) => (await rows(sql`select id from roster.members where name = ${name}`))[0]!.id as string;
const userOf = async (id: string) => (await rows(sql`select user_id from roster.members where id = ${id}`))[0]!.user_id;
const updatesOf = (id: string) => rows(sql`select id, tenant_id, topic, payload, created_at from roster.outbox where topic = 'roster.member_updated' and payload->>'memberId' = ${id} order by created_at`);
/** What other counties' members see in the directory, by city. */
const directorySeenFrom = (tenantId: string, city: string) =>
  tenantTransaction(database, { tenantId, userId: 'someone' }, (tx) => searchDirectory(tx, { city }));

describe('identity.account_activated and account_closed', () => {
  it("sets the member's user id once, and says so in a member_updated that reporting's copy applies", async () => {
    const id = await memberId('曹德胜');
    const activated = event('yx', 'identity.account_activated', { memberId: id, userId: 'user-caodesheng' });
    expect(await applyIdentityEventToRoster(database, activated, NOW)).toBe('applied');
    expect(await applyIdentityEventToRoster(database, activated, NOW)).toBe('duplicate');
    expect(await userOf(id)).toBe('user-caodesheng');
    const updates = await updatesOf(id);
    expect(updates).toHaveLength(1);
    expect(updates[0]!.payload).toMatchObject({ memberId: id, userId: 'user-caodesheng', name: '曹德胜', branchId: ids.yongshui });

    const [update] = updates;
    const delivered: DomainEvent = { id: update!.id as string, tenantId: 'yx', topic: 'roster.member_updated', payload: update!.payload, createdAt: NOW };
    expect(await applyRosterEventToReporting(database, delivered)).toBe('applied');
    expect(await rows(sql`select user_id from reporting.members where member_id = ${id}`)).toEqual([{ user_id: 'user-caodesheng' }]);
  });

  it('an account another member held moves to the activated member; both copies hear of it', async () => {
    const first = await memberId('曹德胜');
    const second = await memberId('曹春生');
    expect(await applyIdentityEventToRoster(database, event('yx', 'identity.account_activated', { memberId: second, userId: 'user-caodesheng' }), NOW)).toBe('applied');
    expect([await userOf(first), await userOf(second)]).toEqual([null, 'user-caodesheng']);
    expect((await updatesOf(first)).at(-1)!.payload).toMatchObject({ userId: null });
    expect((await updatesOf(second)).at(-1)!.payload).toMatchObject({ userId: 'user-caodesheng' });
  });

  it('account_closed clears the user id once', async () => {
    const id = await memberId('曹春生');
    const closed = event('yx', 'identity.account_closed', { memberId: id });
    expect(await applyIdentityEventToRoster(database, closed, NOW)).toBe('applied');
    expect(await applyIdentityEventToRoster(database, closed, NOW)).toBe('duplicate');
    expect(await userOf(id)).toBeNull();
    expect((await updatesOf(id)).at(-1)!.payload).toMatchObject({ memberId: id, userId: null });
  });

  it("an event about a member of another county changes nothing in this one", async () => {
    const id = await memberId('黄文杰');
    expect(await applyIdentityEventToRoster(database, event('rc', 'identity.account_activated', { memberId: id, userId: 'intruder' }), NOW)).toBe('applied');
    expect(await userOf(id)).toBeNull();
  });

  it('topics roster does not handle are ignored', async () => {
    expect(await applyIdentityEventToRoster(database, event('yx', 'identity.session_ended', {}), NOW)).toBe('ignored');
  });
});

const YIZHANG = '431022';

describe('identity.tenant_created', () => {
  it("makes a county's committee and organization department once, with history, org_saved events and the department's directory entry", async () => {
    const created = event('platform', 'identity.tenant_created', { tenantId: YIZHANG, name: '宜章县', kind: 'county', cityId: '431000' });
    expect(await applyIdentityEventToRoster(database, created, NOW)).toBe('applied');
    expect(await applyIdentityEventToRoster(database, created, NOW)).toBe('duplicate');
    // Another event saying the same (identity retried with a new id) finds the root there.
    expect(await applyIdentityEventToRoster(database, { ...created, id: crypto.randomUUID() }, NOW)).toBe('applied');

    const orgs = await rows(sql`select id, parent_id, kind, name, path from roster.orgs where tenant_id = ${YIZHANG} order by length(path)`);
    expect(orgs.map((o) => [o.kind, o.name])).toEqual([['county', '宜章县委'], ['department', '宜章县委组织部']]);
    const [county, department] = orgs;
    expect(county).toMatchObject({ parent_id: null, path: `/${county!.id}/` });
    expect(department).toMatchObject({ parent_id: county!.id, path: `/${county!.id}/${department!.id}/` });
    expect(await rows(sql`select action, actor_user_id from roster.org_changes where tenant_id = ${YIZHANG}`)).toEqual([
      { action: 'created', actor_user_id: null }, { action: 'created', actor_user_id: null },
    ]);
    expect(await rows(sql`select payload->>'name' as name from roster.outbox where tenant_id = ${YIZHANG} and topic = 'roster.org_saved' order by created_at, payload->>'kind' desc`))
      .toHaveLength(2);
    expect((await directorySeenFrom('yx', '')).filter((e) => e.tenantId === YIZHANG)).toEqual([
      expect.objectContaining({ orgId: department!.id, kind: 'department', name: '宜章县委组织部' }),
    ]);
    expect(await rows(sql`select live_at from roster.county_state where tenant_id = ${YIZHANG}`)).toEqual([{ live_at: null }]);
  });

  it('a county has one organization department: a second one under the committee is refused, naming the kind', async () => {
    const [county] = await rows(sql`select id from roster.orgs where tenant_id = ${YIZHANG} and kind = 'county'`);
    const second = tenantTransaction(database, { tenantId: YIZHANG, tenantWide: true }, (tx) =>
      createOrg(tx, YIZHANG, null, { parentId: county!.id as string, kind: 'department', name: '梅田镇党委', idempotencyKey: crypto.randomUUID() }, { userId: 'dep-yz', now: NOW }));
    await expect(second).rejects.toMatchObject({ code: 'department_exists', field: 'kind' });
  });

  it('a city gets no org tree', async () => {
    expect(await applyIdentityEventToRoster(database, event('platform', 'identity.tenant_created', { tenantId: '431000', name: '郴州市', kind: 'city', cityId: null }), NOW)).toBe('ignored');
    // Only the platform's outbox creates a tenant; a county's outbox claiming it is not believed.
    expect(await applyIdentityEventToRoster(database, event('rc', 'identity.tenant_created', { tenantId: '431099', name: '冒名县', kind: 'county', cityId: '431000' }), NOW)).toBe('ignored');
    expect(await rows(sql`select id from roster.orgs where tenant_id = '431000'`)).toEqual([]);
  });
});

describe('identity.tenant_live and the directory', () => {
  const department = async () => (await rows(sql`select id from roster.orgs where tenant_id = ${YIZHANG} and kind = 'department'`))[0]!.id as string;
  const create = (parentId: string, kind: 'township' | 'flow_general' | 'flow_branch', name: string, extra: object = {}) =>
    tenantTransaction(database, { tenantId: YIZHANG, userId: 'dep-yz', tenantWide: true }, (tx) =>
      createOrg(tx, YIZHANG, null, { parentId, kind, name, idempotencyKey: `create-${name}`, ...extra }, { userId: 'dep-yz', now: NOW }));
  let flowGeneral: string;

  it("before the county is live its flow organizations are not in the directory: other counties' members cannot find them", async () => {
    const township = await create(await department(), 'township', '梅田镇党委');
    flowGeneral = (await create(township.id, 'flow_general', '宜章县驻广州流动党员党总支', { province: '广东省', city: '广州' })).id;
    expect((await directorySeenFrom('yx', '广州')).map((e) => e.orgId)).not.toContain(flowGeneral);
    expect(await rows(sql`select org_id from roster.org_directory where org_id = ${flowGeneral}`)).toEqual([]);
  });

  it('once it goes live they are, and flow organizations created afterwards at once; a redelivery changes nothing', async () => {
    // A county cannot make another live: the outbox row's tenant decides, not the payload.
    expect(await applyIdentityEventToRoster(database, event('rc', 'identity.tenant_live', { tenantId: YIZHANG }), NOW)).toBe('ignored');
    const live = event(YIZHANG, 'identity.tenant_live', { tenantId: YIZHANG });
    expect(await applyIdentityEventToRoster(database, live, NOW)).toBe('applied');
    expect(await applyIdentityEventToRoster(database, live, new Date(NOW.getTime() + 60_000))).toBe('duplicate');
    expect((await directorySeenFrom('yx', '广州')).map((e) => e.orgId)).toEqual([flowGeneral]);
    const branch = await create(flowGeneral, 'flow_branch', '宜章县驻广州白云流动党员党支部', { province: '广东省', city: '广州' });
    expect((await directorySeenFrom('rc', '广州')).map((e) => e.orgId).sort()).toEqual([flowGeneral, branch.id].sort());
    // The first time it went live is kept.
    expect(await rows(sql`select live_at = ${NOW.toISOString()}::timestamptz as first from roster.county_state where tenant_id = ${YIZHANG}`)).toEqual([{ first: true }]);
  });
});
