import type { RoleGrant } from '@tongxin/auth';
import { withCheckDigit } from '@tongxin/ledger';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { migrations } from '../migrations.ts';
import { seedRoster } from '../testing/roster-fixture.ts';
import { idCardHash } from './list-members.ts';

let h: ServiceHarness;
let ids: Record<string, string>;
/** Members added through members.create in 龙潭村 (黄草镇), with personal fields and a ledger. */
const added: Record<string, string> = {};
const ID_XIAOMEI = withCheckDigit('43102319880312124'); // female: the 17th digit is even
const ID_DAHAI = withCheckDigit('43102319750620131');
const ID_ZHU = withCheckDigit('43102819800808155');

beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  ({ ids } = await seedRoster(h.database));
  const create = async (key: string, input: Record<string, unknown>) => {
    const result = await h.mutate('/api/roster/trpc/members.create', { as: secretaryOf('huangcao'), input: { branchId: ids.longtan, ...input } });
    if (!result.data) throw new Error(`seeding ${key}: ${result.error?.message}`);
    added[key] = result.data.id;
  };
  await create('xiaomei', {
    name: '黄小梅', idCardNumber: ID_XIAOMEI, phone: '13712345001', joinedOn: '2010-07-01', status: 'mobile', idempotencyKey: 'seed-xiaomei-0001',
    ledger: { destinationProvince: '广东', destinationCity: '广州', employer: '广州红木家具有限公司', occupation: '木工', destinationPhone: '020-88886666', awaySince: '2024-03-01' },
  });
  await create('dahai', { name: '黄大海', idCardNumber: ID_DAHAI, phone: '13712345002', status: 'lost_contact', idempotencyKey: 'seed-dahai-00001' });
  // The other county's member gets an ID-card number too: the number is unique per tenant only.
  await h.database.owner.execute(sql`update roster.members set id_card_number = ${ID_ZHU} where tenant_id = 'rc'`);
});
afterAll(() => h.close());

const count = async (table: string) => (await h.database.owner.execute(sql.raw(`select count(*)::int as n from roster.${table}`))).rows[0]!.n as number;
const memberIdOf = async (name: string) =>
  (await h.database.owner.execute(sql`select id from roster.members where name = ${name}`)).rows[0]!.id as string;

const member = () => ({ tenantId: 'yx', userId: 'user-liming', roles: [{ role: 'member', orgId: ids.yongshuiMobile! }] as RoleGrant[] });
const secretaryOf = (org: string, tenantId = 'yx') => ({ tenantId, userId: `sec-${org}`, roles: [{ role: 'secretary', orgId: ids[org]! }] as RoleGrant[] });
const department = (tenantId = 'yx') => ({ tenantId, userId: 'dep', roles: [{ role: 'department' }] as RoleGrant[] });

describe('members.me', () => {
  it('a member sees their own profile: name, branch, township, destination', async () => {
    const result = await h.query('/api/roster/trpc/members.me', { as: member() });
    expect(result.data).toMatchObject({ name: '李明', branch: '涌水村流动党员党支部', township: '马田镇', destinationCity: '深圳', status: 'mobile' });
  });

  it('a member sees their ledger, its confirmation times and staleness, and their personal fields with the ID card masked', async () => {
    const id = withCheckDigit('43102319920215113');
    await h.database.owner.execute(sql`update roster.members set id_card_number = ${id}, phone = '13800000001', gender = 'male',
      birth_date = '1992-02-15', joined_on = '2015-06-30' where user_id = 'user-liming'`);
    const { data } = await h.query('/api/roster/trpc/members.me', { as: member() });
    expect(data).toMatchObject({
      gender: 'male', birthDate: '1992-02-15', phone: '13800000001', joinedOn: '2015-06-30', idCardMasked: `${id.slice(0, 6)}************`,
      ledger: { destinationCity: '深圳', employer: null, awaySince: null }, fieldConfirmedAt: {}, version: 1,
      // Seeded without a confirmation: never confirmed counts as stale for a mobile member.
      ledgerConfirmedAt: null, stale: true,
    });
    expect(Object.keys(data.ledger)).toHaveLength(10);
    expect(JSON.stringify(data)).not.toContain(id);
  });

  it('a department user without the member role is FORBIDDEN', async () => {
    expect((await h.query('/api/roster/trpc/members.me', { as: department() })).error?.code).toBe('FORBIDDEN');
  });

  it('an anonymous caller is UNAUTHORIZED', async () => {
    expect((await h.query('/api/roster/trpc/members.me')).error?.code).toBe('UNAUTHORIZED');
  });
});

describe('members.list', () => {
  const names = (result: { data: { items: { name: string }[] } }) => result.data.items.map((m) => m.name).sort();

  it("a branch secretary sees their branch's members and not another branch's", async () => {
    const result = await h.query('/api/roster/trpc/members.list', { as: secretaryOf('yongshuiMobile'), input: {} });
    expect(names(result)).toEqual(['李华', '李明']);
    expect(result.data.total).toBe(2);
  });

  it('a township secretary sees the whole township subtree, paged', async () => {
    const first = await h.query('/api/roster/trpc/members.list', { as: secretaryOf('matian'), input: { page: 1, pageSize: 3 } });
    const second = await h.query('/api/roster/trpc/members.list', { as: secretaryOf('matian'), input: { page: 2, pageSize: 3 } });
    expect(first.data.total).toBe(4);
    expect(first.data.items).toHaveLength(3);
    expect(second.data.items).toHaveLength(1);
    expect([...names(first), ...names(second)].sort()).toEqual(['曹德胜', '曹春生', '李华', '李明'].sort());
  });

  it('asking for an org outside the subtree is NOT_FOUND', async () => {
    const result = await h.query('/api/roster/trpc/members.list', { as: secretaryOf('yongshui'), input: { orgId: ids.longtan } });
    expect(result.error?.code).toBe('NOT_FOUND');
  });

  it('a secretary of another county sees none of this county', async () => {
    // Same org id, other tenant: RLS shows nothing.
    const result = await h.query('/api/roster/trpc/members.list', { as: secretaryOf('matian', 'rc'), input: {} });
    expect(result.data.total).toBe(0);
  });

  it('a member is FORBIDDEN', async () => {
    expect((await h.query('/api/roster/trpc/members.list', { as: member(), input: {} })).error?.code).toBe('FORBIDDEN');
  });

  it('the department lists the whole tenant, and only its tenant', async () => {
    const result = await h.query('/api/roster/trpc/members.list', { as: department(), input: { pageSize: 100 } });
    expect(names(result)).toEqual(['李华', '李明', '曹德胜', '曹春生', '黄文杰', '黄小梅', '黄大海'].sort());
    expect((await h.query('/api/roster/trpc/members.list', { as: department('rc'), input: {} })).data.total).toBe(1);
  });

  it('a list row shows the ID card masked, the branch, the employer and whether the ledger is stale', async () => {
    const result = await h.query('/api/roster/trpc/members.list', { as: secretaryOf('longtan'), input: { search: '小梅' } });
    expect(result.data.items).toEqual([{
      id: added.xiaomei, name: '黄小梅', gender: 'female', idCardMasked: `${ID_XIAOMEI.slice(0, 6)}************`, phone: '13712345001',
      branchId: ids.longtan, branch: '龙潭村党支部', status: 'mobile', destinationCity: '广州', employer: '广州红木家具有限公司',
      ledgerConfirmedAt: h.clock.now.toISOString(), stale: false, lastContactAt: null, lastContactSource: null,
    }]);
    expect(JSON.stringify(result.data)).not.toContain(ID_XIAOMEI);
  });

  it('search finds a member by name fragment, phone prefix or whole ID-card number', async () => {
    const search = (text: string) => h.query('/api/roster/trpc/members.list', { as: department(), input: { search: text } }).then(names);
    expect(await search('大海')).toEqual(['黄大海']);
    expect(await search('1371234500')).toEqual(['黄大海', '黄小梅'].sort());
    expect(await search(ID_DAHAI)).toEqual(['黄大海']);
    expect(await search('%')).toEqual([]);
  });

  it('no prefix of an ID-card number finds its member, for the department or a secretary: the 69 searches that rebuilt a number find nothing', async () => {
    for (const as of [department(), secretaryOf('huangcao')]) {
      const search = (text: string) => h.query('/api/roster/trpc/members.list', { as, input: { search: text } }).then(names);
      for (let length = 1; length < ID_XIAOMEI.length; length++) expect(await search(ID_XIAOMEI.slice(0, length))).not.toContain('黄小梅');
      // The whole number, typed with a lower-case x or spaces around it, still matches (blind index of the normalized number).
      expect(await search(` ${ID_XIAOMEI.toLowerCase()} `)).toEqual(['黄小梅']);
    }
    // A secretary outside the member's scope finds nothing even with the whole number.
    expect(await h.query('/api/roster/trpc/members.list', { as: secretaryOf('matian'), input: { search: ID_XIAOMEI } }).then(names)).toEqual([]);
  });

  it('the blind index follows the number through every write: a corrected number is found, the old one no longer', async () => {
    const stored = async () => (await h.database.owner.execute(sql`select id_card_hash from roster.members where id = ${added.dahai}`)).rows[0]!.id_card_hash;
    expect(await stored()).toBe(idCardHash('yx', ID_DAHAI));
    const corrected = withCheckDigit('43102319750620139');
    const result = await h.mutate('/api/roster/trpc/ledger.correct', {
      as: secretaryOf('huangcao'), input: { memberId: added.dahai, personal: { idCardNumber: corrected }, idempotencyKey: 'correct-dahai-id-0001' },
    });
    expect(result.error).toBeNull();
    expect(await stored()).toBe(idCardHash('yx', corrected));
    const search = (text: string) => h.query('/api/roster/trpc/members.list', { as: department(), input: { search: text } }).then(names);
    expect(await search(corrected)).toEqual(['黄大海']);
    expect(await search(ID_DAHAI)).toEqual([]);
    await h.mutate('/api/roster/trpc/ledger.correct', {
      as: secretaryOf('huangcao'), input: { memberId: added.dahai, personal: { idCardNumber: ID_DAHAI }, idempotencyKey: 'correct-dahai-id-0002' },
    });
  });

  it('filters by status, destination city, lost contact and staleness', async () => {
    const list = (input: object) => h.query('/api/roster/trpc/members.list', { as: department(), input }).then(names);
    expect(await list({ status: 'mobile' })).toEqual(['李华', '李明', '黄小梅'].sort());
    expect(await list({ destinationCity: '东莞' })).toEqual(['李华']);
    expect(await list({ lostContact: true })).toEqual(['黄大海']);
    expect(await list({ lostContact: false, status: 'lost_contact' })).toEqual([]);
    // Seeded mobile members were never confirmed; the two just added were confirmed at creation.
    expect(await list({ stale: true })).toEqual(['李华', '李明'].sort());
    expect(await list({ stale: false, status: 'mobile' })).toEqual(['黄小梅']);
  });

  it('lists the members behind the overview’s 流动党员 and 已报到 cards: away (mobile or lost contact), and checked in now', async () => {
    const list = (input: object) => h.query('/api/roster/trpc/members.list', { as: department(), input }).then(names);
    expect(await list({ away: true })).toEqual(['李华', '李明', '黄大海', '黄小梅'].sort());
    expect(await list({ away: false, status: 'mobile' })).toEqual([]);
    // An outflow registered ahead of the day the member leaves is not yet away (nor counted so).
    const tomorrow = new Date(h.clock.now.getTime() + 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    const [before] = (await h.database.owner.execute(sql`select away_since::text as since from roster.members where tenant_id = 'yx' and name = '李华'`)).rows as { since: string | null }[];
    await h.database.owner.execute(sql`update roster.members set away_since = ${tomorrow}::date where tenant_id = 'yx' and name = '李华'`);
    expect(await list({ away: true })).toEqual(['李明', '黄大海', '黄小梅'].sort());
    await h.database.owner.execute(sql`update roster.members set away_since = ${before!.since}::date where tenant_id = 'yx' and name = '李华'`);
    // 黄小梅 checked in with a destination (an active grant), 李华 once (revoked since).
    const grant = (memberId: string, revoked: boolean) => h.database.owner.execute(sql`
      insert into roster.ledger_grants (tenant_id, member_id, checkin_id, grantee_tenant_id, grantee_org_id, grantee_org_path, fields, data, granted_by, granted_at, revoked_by, revoked_at)
      select 'yx', id, gen_random_uuid(), 'rc', gen_random_uuid(), 'x', '{}', '{}', 'test', now(), ${revoked ? 'test' : null}, ${revoked ? sql`now()` : null}
      from roster.members where tenant_id = 'yx' and id = ${memberId}`);
    const lihua = (await h.database.owner.execute(sql`select id from roster.members where tenant_id = 'yx' and name = '李华'`)).rows[0]!.id as string;
    await grant(added.xiaomei!, false);
    await grant(lihua, true);
    try {
      expect(await list({ away: true, checkedIn: true })).toEqual(['黄小梅']);
      expect(await list({ away: true, checkedIn: false })).toEqual(['李华', '李明', '黄大海'].sort());
      // A branch secretary sees only their branch's members behind the figure.
      const branch = await h.query('/api/roster/trpc/members.list', { as: secretaryOf('yongshui'), input: { checkedIn: true } }).then(names);
      expect(branch).toEqual([]);
    } finally {
      await h.database.owner.execute(sql`delete from roster.ledger_grants where granted_by = 'test'`);
    }
  });

  it('thirty-one days later a ledger confirmed at creation is stale', async () => {
    const start = h.clock.now;
    h.clock.now = new Date(start.getTime() + 31 * 24 * 3600 * 1000);
    try {
      const result = await h.query('/api/roster/trpc/members.list', { as: secretaryOf('longtan'), input: { stale: true } });
      expect(names(result)).toEqual(['黄大海', '黄小梅'].sort());
    } finally {
      h.clock.now = start;
    }
  });

  it('an unknown org is NOT_FOUND, as one outside the subtree', async () => {
    const result = await h.query('/api/roster/trpc/members.list', { as: department(), input: { orgId: crypto.randomUUID() } });
    expect(result.error?.code).toBe('NOT_FOUND');
  });

  it('the department narrows to one township', async () => {
    const result = await h.query('/api/roster/trpc/members.list', { as: department(), input: { orgId: ids.huangcao } });
    expect(names(result)).toEqual(['黄文杰', '黄小梅', '黄大海'].sort());
  });

  it('a page size over 100 is BAD_REQUEST naming pageSize', async () => {
    const result = await h.query('/api/roster/trpc/members.list', { as: secretaryOf('matian'), input: { pageSize: 1000 } });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { pageSize: expect.any(String) } });
  });
});

describe('members.create', () => {
  const input = () => ({ branchId: ids.yongshui!, name: '曹小兵', phone: '13912345678', idempotencyKey: 'create-曹小兵-0001' });

  it('a secretary adds a member in their subtree once, however often the request is retried, with one event', async () => {
    const membersBefore = await count('members');
    const eventsBefore = await count('outbox');
    const versionsBefore = await count('member_versions');
    const first = await h.mutate('/api/roster/trpc/members.create', { as: secretaryOf('matian'), input: input() });
    const retry = await h.mutate('/api/roster/trpc/members.create', { as: secretaryOf('matian'), input: input() });
    expect(first.data).toMatchObject({ created: true });
    expect(retry.data).toEqual({ id: first.data.id, created: false });
    expect(await count('members')).toBe(membersBefore + 1);
    expect(await count('outbox')).toBe(eventsBefore + 1);
    expect(await count('member_versions')).toBe(versionsBefore + 1);
  });

  it('a branch outside the secretary\'s subtree is NOT_FOUND to them', async () => {
    const result = await h.mutate('/api/roster/trpc/members.create', { as: secretaryOf('huangcao'), input: { ...input(), idempotencyKey: 'other-key-0002' } });
    expect(result.error?.code).toBe('NOT_FOUND');
  });

  it('a member cannot be added to a township committee: BAD_REQUEST naming branchId', async () => {
    const result = await h.mutate('/api/roster/trpc/members.create', { as: secretaryOf('matian'), input: { ...input(), branchId: ids.matian, idempotencyKey: 'township-0004' } });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { branchId: 'not_a_branch' } });
  });

  it('a member is FORBIDDEN', async () => {
    expect((await h.mutate('/api/roster/trpc/members.create', { as: member(), input: input() })).error?.code).toBe('FORBIDDEN');
  });

  it('a malformed phone number is BAD_REQUEST naming phone and adds nobody', async () => {
    const before = await count('members');
    const result = await h.mutate('/api/roster/trpc/members.create', { as: secretaryOf('matian'), input: { ...input(), phone: '12345', idempotencyKey: 'bad-phone-0003' } });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { phone: 'invalid_mobile' } });
    expect(await count('members')).toBe(before);
  });
});

describe('members.create with the personal record and ledger', () => {
  const base = (key: string) => ({ branchId: ids.longtan, name: '黄新民', idempotencyKey: `create-${key}-0001` });

  it('keeps the personal fields, takes birth date and gender from the ID card, and writes version 1 with the ID masked', async () => {
    const id = withCheckDigit('43102319991231153');
    const created = await h.mutate('/api/roster/trpc/members.create', {
      as: secretaryOf('huangcao'), input: { ...base('full'), idCardNumber: id, phone: '13912340000', joinedOn: '2021-07-01', ledger: { occupation: '厨师' } },
    });
    expect(created.data).toMatchObject({ created: true });
    const detail = await h.query('/api/roster/trpc/members.get', { as: department(), input: { memberId: created.data.id } });
    expect(detail.data).toMatchObject({ gender: 'male', birthDate: '1999-12-31', phone: '13912340000', joinedOn: '2021-07-01', ledger: { occupation: '厨师' }, version: 1 });
    const versions = await h.database.owner.execute(sql`select changes from roster.member_versions where member_id = ${created.data.id}`);
    expect(JSON.stringify(versions.rows)).not.toContain(id);
    expect(JSON.stringify(versions.rows)).toContain(`${id.slice(0, 6)}************`);
  });

  it('keeps 学历, and for a member added as away the reason they left, in the record and its version 1', async () => {
    const created = await h.mutate('/api/roster/trpc/members.create', {
      as: secretaryOf('huangcao'),
      input: { ...base('schooled'), name: '黄学文', education: 'bachelor', status: 'mobile', awayReason: 'business', ledger: { destinationCity: '长沙' } },
    });
    expect(created.data).toMatchObject({ created: true });
    const detail = await h.query('/api/roster/trpc/members.get', { as: secretaryOf('huangcao'), input: { memberId: created.data.id } });
    expect(detail.data).toMatchObject({ education: 'bachelor', awayReason: 'business', status: 'mobile' });
    const [first] = (await h.database.owner.execute(sql`select changes from roster.member_versions where member_id = ${created.data.id}`)).rows;
    expect(first!.changes).toEqual(expect.arrayContaining([{ field: 'education', from: null, to: 'bachelor' }, { field: 'awayReason', from: null, to: 'business' }]));
    // Home again, so the counts below keep the fixture's mobile members.
    await h.database.owner.execute(sql`update roster.members set status = 'resident', away_reason = null, destination_city = null where id = ${created.data.id}`);
  });

  it.each([
    ['idCardNumber', { idCardNumber: ID_DAHAI.slice(0, 17) + (ID_DAHAI[17] === '0' ? '1' : '0') }, /id_card_check_digit/],
    // 学历 is one of the statistics' bands, by code: a label or another word is not.
    ['education', { education: '本科' }, /invalid_value/],
    ['education', { education: 'primary' }, /invalid_value/],
    ['awayReason', { status: 'mobile', awayReason: 'tourism' }, /invalid_value/],
    // A member added at home has no reason for being away.
    ['awayReason', { awayReason: 'work' }, /not_away/],
    ['phone', { phone: '2345678' }, /invalid_mobile/],
    ['joinedOn', { joinedOn: '2099-01-01' }, /future_date/],
    // After the service's clock, before the machine's: the clock decides.
    ['joinedOn', { joinedOn: '2026-11-20' }, /future_date/],
    ['branchId', { branchId: crypto.randomUUID() }, /org_not_found/],
    ['ledger.destinationPhone', { ledger: { destinationPhone: 'call me' } }, /invalid_phone/],
  ])('a bad %s is BAD_REQUEST naming it and adds nobody', async (field, patch, message) => {
    const before = await count('members');
    const versions = await count('member_versions');
    const result = await h.mutate('/api/roster/trpc/members.create', { as: secretaryOf('huangcao'), input: { ...base(`bad-${field}`), ...patch } });
    expect(result.error?.code).toBe('BAD_REQUEST');
    expect(Object.keys(result.error!.fields!).some((f) => f === field || f.startsWith(`${field}`))).toBe(true);
    expect(Object.values(result.error!.fields!).join(' ')).toMatch(message);
    expect(await count('members')).toBe(before);
    expect(await count('member_versions')).toBe(versions);
  });

  it('a birth date that contradicts the ID card is BAD_REQUEST naming birthDate', async () => {
    const result = await h.mutate('/api/roster/trpc/members.create', {
      as: secretaryOf('huangcao'), input: { ...base('contradiction'), idCardNumber: withCheckDigit('43102319991231173'), birthDate: '1999-12-30' },
    });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { birthDate: 'birth_date_mismatch' } });
  });

  it('an ID-card number a member in the secretary\'s own scope holds is BAD_REQUEST naming idCardNumber, saying so', async () => {
    const before = await count('members');
    const result = await h.mutate('/api/roster/trpc/members.create', {
      as: secretaryOf('huangcao'), input: { branchId: ids.longtan, name: '重复者', idCardNumber: ID_XIAOMEI, idempotencyKey: 'create-duplicate-id-0000' },
    });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { idCardNumber: 'id_card_in_scope' } });
    expect(await count('members')).toBe(before);
  });

  it('create does not reveal that a member outside the scope holds a number: a refusal that names no member, as the import gives', async () => {
    const before = await count('members');
    // 黄小梅 is in 龙潭村; a 马田镇 secretary cannot see her, and is not told she exists.
    const result = await h.mutate('/api/roster/trpc/members.create', {
      as: secretaryOf('matian'), input: { branchId: ids.yongshui, name: '冒名者', idCardNumber: ID_XIAOMEI, idempotencyKey: 'create-duplicate-id-0001' },
    });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { idCardNumber: 'id_card_unavailable' } });
    expect(JSON.stringify(result.error)).not.toMatch(/another member|already|黄小梅|龙潭/);
    expect(await count('members')).toBe(before);
  });

  it("another county's member may have the same ID-card number (unique per tenant)", async () => {
    const result = await h.mutate('/api/roster/trpc/members.create', {
      as: secretaryOf('huangcao'), input: { ...base('other-county-id'), name: '朱国安', idCardNumber: ID_ZHU },
    });
    expect(result.data).toMatchObject({ created: true });
  });
});

describe('members.get', () => {
  it('a branch secretary reads a member of the branch in full, with the ID card masked', async () => {
    const result = await h.query('/api/roster/trpc/members.get', { as: secretaryOf('longtan'), input: { memberId: added.xiaomei } });
    expect(result.data).toMatchObject({
      id: added.xiaomei, name: '黄小梅', gender: 'female', birthDate: '1988-03-12', idCardMasked: `${ID_XIAOMEI.slice(0, 6)}************`,
      phone: '13712345001', joinedOn: '2010-07-01', branchId: ids.longtan, branch: '龙潭村党支部', township: '黄草镇党委', status: 'mobile',
      ledger: { destinationProvince: '广东', destinationCity: '广州', employer: '广州红木家具有限公司', destinationPhone: '020-88886666', awaySince: '2024-03-01', destinationOrgName: null },
      ledgerConfirmedAt: h.clock.now.toISOString(), stale: false, lostContactSince: null, lostContactReason: null, version: 1, hasAccount: false,
    });
    expect(result.data.fieldConfirmedAt.employer).toBe(h.clock.now.toISOString());
    expect(result.data.fieldConfirmedAt.occupation).toBe(h.clock.now.toISOString());
    expect(result.data.fieldConfirmedAt.destinationOrgName).toBeUndefined();
    expect(JSON.stringify(result.data)).not.toContain(ID_XIAOMEI);
  });

  it('the department reads any member of its tenant; a member linked to an account says so', async () => {
    const result = await h.query('/api/roster/trpc/members.get', { as: department(), input: { memberId: await memberIdOf('李明') } });
    expect(result.data).toMatchObject({ name: '李明', township: '马田镇', hasAccount: true });
  });

  it.each([
    ['a secretary of another branch', () => secretaryOf('yongshui')],
    ['a secretary of another township', () => secretaryOf('matian')],
    ["another county's department", () => department('rc')],
  ])('%s gets NOT_FOUND', async (_who, as) => {
    const result = await h.query('/api/roster/trpc/members.get', { as: as(), input: { memberId: added.xiaomei } });
    expect(result.error?.code).toBe('NOT_FOUND');
  });

  it('a member is FORBIDDEN, even for their own record', async () => {
    const result = await h.query('/api/roster/trpc/members.get', { as: member(), input: { memberId: await memberIdOf('李明') } });
    expect(result.error?.code).toBe('FORBIDDEN');
  });
});

describe('exports and ID-card numbers (issue 13, class B)', () => {
  it('the roster and ledger exports mask every ID-card number, for a secretary and the department alike, unless the department asks for its audited full export', async () => {
    const exported = async (as: ReturnType<typeof department>, kind: 'roster' | 'ledger', fullIdCards = false) =>
      (await h.query('/api/roster/trpc/excel.exportRows', { as, input: { kind, fullIdCards, limit: 500 } })).data;
    const reads = await count('sensitive_reads');
    for (const kind of ['roster', 'ledger'] as const) {
      for (const as of [department(), secretaryOf('huangcao')]) {
        const page = await exported(as, kind);
        expect(page.rows.map((r: { name: string }) => r.name)).toContain('黄小梅');
        expect(JSON.stringify(page)).not.toContain(ID_XIAOMEI);
      }
    }
    expect(await count('sensitive_reads')).toBe(reads);
    const full = await exported(department(), 'ledger', true);
    expect(full.rows.find((r: { name: string }) => r.name === '黄小梅').idCardNumber).toBe(ID_XIAOMEI);
    expect(await count('sensitive_reads')).toBeGreaterThan(reads);
  });
});

describe('members.revealIdCard and members.idCardReads', () => {
  const reads = async () =>
    (await h.database.owner.execute(sql`select actor_user_id from roster.sensitive_reads where member_id = ${added.dahai} and field = 'idCardNumber'`)).rows;

  it('a township secretary reads the full number and the read is logged with who read it', async () => {
    const before = (await reads()).length;
    const result = await h.mutate('/api/roster/trpc/members.revealIdCard', { as: secretaryOf('huangcao'), input: { memberId: added.dahai } });
    expect(result.data).toEqual({ idCardNumber: ID_DAHAI });
    const after = await reads();
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toEqual({ actor_user_id: 'sec-huangcao' });
  });

  it('a secretary of another township gets NOT_FOUND and no read is logged', async () => {
    const before = (await reads()).length;
    const result = await h.mutate('/api/roster/trpc/members.revealIdCard', { as: secretaryOf('matian'), input: { memberId: added.dahai } });
    expect(result.error?.code).toBe('NOT_FOUND');
    expect(await reads()).toHaveLength(before);
  });

  it('a member is FORBIDDEN', async () => {
    const result = await h.mutate('/api/roster/trpc/members.revealIdCard', { as: member(), input: { memberId: added.dahai } });
    expect(result.error?.code).toBe('FORBIDDEN');
  });

  it('the department reads the log of full reads, newest first, including its own', async () => {
    await h.mutate('/api/roster/trpc/members.revealIdCard', { as: department(), input: { memberId: added.dahai } });
    const result = await h.query('/api/roster/trpc/members.idCardReads', { as: department(), input: { memberId: added.dahai } });
    expect(result.data.map((r: { actorUserId: string }) => r.actorUserId)).toEqual(expect.arrayContaining(['dep', 'sec-huangcao']));
    expect(result.data[0]).toMatchObject({ field: 'idCardNumber', at: expect.any(String) });
  });

  it('a secretary cannot read the log (FORBIDDEN); another county cannot see the member (NOT_FOUND)', async () => {
    expect((await h.query('/api/roster/trpc/members.idCardReads', { as: secretaryOf('huangcao'), input: { memberId: added.dahai } })).error?.code).toBe('FORBIDDEN');
    expect((await h.query('/api/roster/trpc/members.idCardReads', { as: department('rc'), input: { memberId: added.dahai } })).error?.code).toBe('NOT_FOUND');
  });
});

describe('members.staleness', () => {
  const byBranch = (data: { branches: { branch: string; members: number; stale: number; share: number }[] }) =>
    Object.fromEntries(data.branches.map((b) => [b.branch, [b.members, b.stale, b.share]]));

  it("a township secretary sees each of the township's branches: mobile members, stale ledgers and the share", async () => {
    const { data } = await h.query('/api/roster/trpc/members.staleness', { as: secretaryOf('matian') });
    expect(byBranch(data)).toEqual({ '涌水村党支部': [0, 0, 0], '涌水村流动党员党支部': [2, 2, 1] });
    expect(data.total).toEqual({ members: 2, stale: 2, share: 1 });
  });

  it('the department sees every branch of the tenant, and can narrow to one township', async () => {
    const all = await h.query('/api/roster/trpc/members.staleness', { as: department() });
    expect(Object.keys(byBranch(all.data)).sort()).toEqual(['涌水村党支部', '涌水村流动党员党支部', '龙潭村党支部', '永兴县驻深圳流动党员党支部'].sort());
    expect(all.data.total).toEqual({ members: 4, stale: 2, share: 0.5 });
    const huangcao = await h.query('/api/roster/trpc/members.staleness', { as: department(), input: { orgId: ids.huangcao } });
    expect(byBranch(huangcao.data)).toEqual({ '龙潭村党支部': [2, 0, 0] });
  });

  it('a ledger unconfirmed for more than 30 days counts as stale', async () => {
    const start = h.clock.now;
    h.clock.now = new Date(start.getTime() + 31 * 24 * 3600 * 1000);
    try {
      const { data } = await h.query('/api/roster/trpc/members.staleness', { as: secretaryOf('longtan') });
      expect(data.total).toEqual({ members: 2, stale: 2, share: 1 });
    } finally {
      h.clock.now = start;
    }
  });

  it('an org outside the subtree or unknown is NOT_FOUND, a member FORBIDDEN', async () => {
    expect((await h.query('/api/roster/trpc/members.staleness', { as: secretaryOf('matian'), input: { orgId: ids.huangcao } })).error?.code).toBe('NOT_FOUND');
    expect((await h.query('/api/roster/trpc/members.staleness', { as: department(), input: { orgId: crypto.randomUUID() } })).error?.code).toBe('NOT_FOUND');
    expect((await h.query('/api/roster/trpc/members.staleness', { as: member() })).error?.code).toBe('FORBIDDEN');
  });

  it("another county's department sees none of this county's branches", async () => {
    const { data } = await h.query('/api/roster/trpc/members.staleness', { as: department('rc') });
    expect(byBranch(data)).toEqual({ '热水村党支部': [0, 0, 0] });
  });
});

describe('orgs.counts', () => {
  it("a department sees its tenant's counts", async () => {
    const result = await h.query('/api/roster/trpc/orgs.counts', { as: department() });
    // Away or out of contact: 李明, 李华, and 黄小梅 and 黄大海 added in beforeAll.
    expect(result.data).toMatchObject({ mobileMembers: 4, branches: 3, flowOrgs: 2 });
    expect(result.data.members).toBeGreaterThanOrEqual(5);
  });

  it("another county's department sees only its own", async () => {
    const result = await h.query('/api/roster/trpc/orgs.counts', { as: department('rc') });
    expect(result.data).toEqual({ members: 1, mobileMembers: 0, branches: 1, flowOrgs: 0 });
  });

  it('a secretary is FORBIDDEN', async () => {
    expect((await h.query('/api/roster/trpc/orgs.counts', { as: secretaryOf('matian') })).error?.code).toBe('FORBIDDEN');
  });
});
