import type { RoleGrant } from '@tongxin/auth';
import { ID_CARD_LOOKUPS_PER_HOUR, withCheckDigit } from '@tongxin/ledger';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { migrations } from '../migrations.ts';
import { seedRoster } from '../testing/roster-fixture.ts';
import { TOO_MANY_ID_CARD_LOOKUPS } from './id-card-lookups.ts';
import { ID_CARD_UNAVAILABLE } from './id-card-taken.ts';
import { KEY_USED_FOR_ANOTHER_REQUEST } from './request-digest.ts';

// Issue 13 B: a whole ID-card number searched, or refused because someone out of sight holds
// it, is an ID read: logged for the department and limited per user, so rebuilding a number
// from its mask and birth date, or probing who is registered, is slow and visible.

let h: ServiceHarness;
let ids: Record<string, string>;
/** Numbers held by members of 龙潭村 (黄草镇), out of sight of 马田镇's secretaries. */
const held: string[] = [];
const heldIds: string[] = [];
let lihua: string;

const idCard = (birth: string, seq: number) => withCheckDigit(`431023${birth}${String(seq).padStart(3, '0')}`);
const ID_LIHUA = idCard('19900214', 23);
/** 王在册 of 涌水村流动党员党支部, in the same secretaries' scope as 李华. */
const ID_WANG = idCard('19820707', 57);
let wangId: string;
const HELD_COUNT = 24;

beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  ({ ids } = await seedRoster(h.database));
  for (let i = 0; i < HELD_COUNT; i++) {
    const number = idCard('19700101', 100 + i);
    const result = await h.mutate('/api/roster/trpc/members.create', {
      as: secretaryOf('huangcao', 'sec-huangcao'), input: { branchId: ids.longtan, name: `黄持号${i}`, idCardNumber: number, idempotencyKey: `held-member-${String(i).padStart(4, '0')}` },
    });
    if (!result.data) throw new Error(`seeding a holder: ${result.error?.message}`);
    held.push(number);
    heldIds.push(result.data.id);
  }
  lihua = (await h.database.owner.execute(sql`update roster.members set id_card_number = ${ID_LIHUA} where name = '李华' returning id`)).rows[0]!.id as string;
  const wang = await h.mutate('/api/roster/trpc/members.create', {
    as: secretaryOf('yongshuiMobile', 'sec-seed'), input: { branchId: ids.yongshuiMobile, name: '王在册', idCardNumber: ID_WANG, idempotencyKey: 'seed-wang-in-scope' },
  });
  if (!wang.data) throw new Error(`seeding 王在册: ${wang.error?.message}`);
  wangId = wang.data.id;
});
afterAll(() => h.close());

const secretaryOf = (org: string, userId: string) => ({ tenantId: 'yx', userId, roles: [{ role: 'secretary', orgId: ids[org]! }] as RoleGrant[] });
const department = (tenantId = 'yx') => ({ tenantId, userId: `dep-${tenantId}`, roles: [{ role: 'department' }] as RoleGrant[] });
type As = ReturnType<typeof secretaryOf>;

const search = (as: As, text: string) => h.query('/api/roster/trpc/members.list', { as, input: { search: text } });
const create = (as: As, idCardNumber: string, key: string) =>
  h.mutate('/api/roster/trpc/members.create', { as, input: { branchId: ids.yongshuiMobile, name: '新党员', idCardNumber, idempotencyKey: key.padEnd(16, '0') } });
const importRows = (as: As, numbers: string[]) =>
  h.mutate('/api/roster/trpc/excel.importRows', {
    as, input: { rows: numbers.map((idCardNumber, i) => ({ rowNumber: i + 3, values: { name: `导入${i}`, idCardNumber, branch: '涌水村流动党员党支部' } })) },
  });
const correct = (as: As, idCardNumber: string, key: string) =>
  h.mutate('/api/roster/trpc/ledger.correct', { as, input: { memberId: lihua, personal: { idCardNumber }, idempotencyKey: key.padEnd(16, '0') } });
const lookupsOf = async (actorUserId: string) =>
  (await h.query('/api/roster/trpc/members.idCardLookups', { as: department(), input: { actorUserId, limit: 500 } })).data as {
    kind: string; actorUserId: string; at: string; foundMemberId: string | null; holder: { id: string; name: string } | null;
  }[];
const membersNamed = async (name: string) => (await h.database.owner.execute(sql`select count(*)::int as n from roster.members where name like ${name}`)).rows[0]!.n as number;

describe('a search by a whole ID-card number', () => {
  it('is logged with who and when and the member it found, and shows in that member\'s read log', async () => {
    const s2 = secretaryOf('yongshuiMobile', 'sec-s2');
    expect((await search(s2, ID_LIHUA)).data.items.map((m: { name: string }) => m.name)).toEqual(['李华']);
    expect((await search(s2, idCard('19900214', 25))).data.total).toBe(0);

    const lookups = await lookupsOf('sec-s2');
    expect(lookups).toHaveLength(2);
    expect(lookups).toContainEqual({ kind: 'search', actorUserId: 'sec-s2', at: h.clock.now.toISOString(), foundMemberId: lihua, holder: { id: lihua, name: '李华' } });
    expect(lookups).toContainEqual({ kind: 'search', actorUserId: 'sec-s2', at: h.clock.now.toISOString(), foundMemberId: null, holder: null });
    const reads = await h.query('/api/roster/trpc/members.idCardReads', { as: department(), input: { memberId: lihua } });
    expect(reads.data).toContainEqual({ field: 'idCardSearch', actorUserId: 'sec-s2', at: h.clock.now.toISOString() });
  });

  it('names and phone prefixes are not ID reads: nothing is logged for them', async () => {
    const s = secretaryOf('yongshuiMobile', 'sec-names');
    await search(s, '李华');
    await search(s, '1380000');
    expect(await lookupsOf('sec-names')).toEqual([]);
  });

  it(`guessing is slow: the ${ID_CARD_LOOKUPS_PER_HOUR + 1}st whole-number search within an hour is TOO_MANY_REQUESTS, and an hour later searching works again`, async () => {
    const guesser = secretaryOf('yongshuiMobile', 'sec-guesser');
    const started = h.clock.now;
    try {
      for (let seq = 1; seq <= ID_CARD_LOOKUPS_PER_HOUR; seq++) expect((await search(guesser, idCard('19900214', 200 + seq))).error).toBeNull();
      // Even the right number is not answered now: the limit comes before the search.
      const refused = await search(guesser, ID_LIHUA);
      expect(refused.error).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: TOO_MANY_ID_CARD_LOOKUPS });
      expect((await search(guesser, '李华')).data.total).toBe(1);
      expect(await lookupsOf('sec-guesser')).toHaveLength(ID_CARD_LOOKUPS_PER_HOUR);

      h.clock.now = new Date(started.getTime() + 61 * 60 * 1000);
      expect((await search(guesser, ID_LIHUA)).data.total).toBe(1);
    } finally {
      h.clock.now = started;
    }
  });

  it('another secretary has their own hour: one guesser does not lock out the county', async () => {
    expect((await search(secretaryOf('yongshuiMobile', 'sec-bystander'), ID_LIHUA)).data.total).toBe(1);
  });
});

describe('a registration refused for a number held out of sight (create, import, correct)', () => {
  it('members.create still refuses, says the department was told, and the department sees who tried which holder\'s number', async () => {
    const s = secretaryOf('yongshuiMobile', 'sec-creator');
    const refused = await create(s, held[0]!, 'refused-create');
    expect(refused.error).toMatchObject({ code: 'BAD_REQUEST', fields: { idCardNumber: 'id_card_unavailable' } });
    expect(ID_CARD_UNAVAILABLE).toMatch(/department has been told/);
    expect(await membersNamed('新党员')).toBe(0);
    expect(await lookupsOf('sec-creator')).toEqual([
      { kind: 'registration_refused', actorUserId: 'sec-creator', at: h.clock.now.toISOString(), foundMemberId: null, holder: { id: heldIds[0], name: '黄持号0' } },
    ]);
  });

  it('the limit holds across create, import and correct together; at the limit even a number nobody holds registers nothing', async () => {
    const s = secretaryOf('yongshuiMobile', 'sec-prober');
    for (let i = 0; i < 8; i++) expect((await create(s, held[i]!, `probe-create-${i}`)).error?.fields).toEqual({ idCardNumber: 'id_card_unavailable' });
    const imported = await importRows(s, held.slice(8, 16));
    expect(imported.data.created).toBe(0);
    expect(imported.data.errors.map((e: { code: string }) => e.code)).toEqual(Array(8).fill('id_card_unavailable'));
    for (let i = 16; i < 20; i++) expect((await correct(s, held[i]!, `probe-correct-${i}`)).error?.fields).toEqual({ 'personal.idCardNumber': 'id_card_unavailable' });
    const lookups = await lookupsOf('sec-prober');
    expect(lookups).toHaveLength(ID_CARD_LOOKUPS_PER_HOUR);
    expect(new Set(lookups.map((l) => l.holder?.name))).toEqual(new Set(held.slice(0, 20).map((_, i) => `黄持号${i}`)));

    const fresh = idCard('19950505', 301);
    expect((await create(s, fresh, 'probe-fresh-create')).error).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: TOO_MANY_ID_CARD_LOOKUPS });
    expect((await importRows(s, [fresh])).error?.code).toBe('TOO_MANY_REQUESTS');
    expect((await correct(s, fresh, 'probe-fresh-correct')).error?.code).toBe('TOO_MANY_REQUESTS');
    expect((await search(s, fresh)).error?.code).toBe('TOO_MANY_REQUESTS');
    expect(await membersNamed('新党员')).toBe(0);
    expect(await membersNamed('导入%')).toBe(0);
    expect((await h.database.owner.execute(sql`select id_card_number from roster.members where id = ${lihua}`)).rows[0]!.id_card_number).toBe(ID_LIHUA);
    // A create without a number is no lookup and still works.
    expect((await h.mutate('/api/roster/trpc/members.create', { as: s, input: { branchId: ids.yongshuiMobile, name: '无号党员', idempotencyKey: 'probe-no-number-01' } })).error).toBeNull();
  });

  it('an import chunk with more refusals than lookups left lands nothing, answers no row, and every refusal is logged', async () => {
    const s = secretaryOf('yongshuiMobile', 'sec-bulk');
    const fresh = idCard('19960606', 411);
    const answer = await importRows(s, [...held.slice(0, ID_CARD_LOOKUPS_PER_HOUR + 1), fresh]);
    expect(answer.error).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: TOO_MANY_ID_CARD_LOOKUPS });
    expect(await membersNamed('导入%')).toBe(0);
    expect((await lookupsOf('sec-bulk')).map((l) => l.kind)).toEqual(Array(ID_CARD_LOOKUPS_PER_HOUR + 1).fill('registration_refused'));
  });

  it('a number the secretary\'s own members hold is named as such, and is a lookup logged with that member', async () => {
    const s = secretaryOf('yongshuiMobile', 'sec-own');
    expect((await create(s, ID_LIHUA, 'own-scope-create')).error).toMatchObject({ code: 'BAD_REQUEST', fields: { idCardNumber: 'id_card_in_scope' } });
    expect(await lookupsOf('sec-own')).toEqual([
      { kind: 'registration_in_scope', actorUserId: 'sec-own', at: h.clock.now.toISOString(), foundMemberId: lihua, holder: { id: lihua, name: '李华' } },
    ]);
  });
});

describe('members.idCardLookups', () => {
  it('only the department reads the lookup log; a secretary is FORBIDDEN; another county sees none of it', async () => {
    expect((await h.query('/api/roster/trpc/members.idCardLookups', { as: secretaryOf('matian', 'sec-matian'), input: {} })).error?.code).toBe('FORBIDDEN');
    expect((await h.query('/api/roster/trpc/members.idCardLookups', { as: department('rc'), input: {} })).data).toEqual([]);
    expect(((await h.query('/api/roster/trpc/members.idCardLookups', { as: department(), input: {} })).data as unknown[]).length).toBeGreaterThan(0);
  });

  it('the log is append-only, for the owner too', async () => {
    const failure = await h.database.owner.execute(sql`delete from roster.id_card_lookups`).then(() => null, (error: Error) => error);
    expect(String((failure?.cause as Error | undefined)?.message ?? failure)).toMatch(/id_card_lookups is append-only/);
  });
});

// The attack of issue 13 B, round two: a branch secretary rebuilt 李华's number (mask, birth
// date and gender shown: 500 candidates) from members.create's answer about a holder in scope,
// which was neither logged nor counted, and re-sent one idempotency key with each candidate,
// so a miss answered 200 without a write and a hit 400: every probe free.
describe('probing for a number a member in scope holds', () => {
  /** 李华's 30 nearest candidates: the same region, birth date and check digit rule, hers among them. */
  const candidates = Array.from({ length: 30 }, (_, i) => idCard('19900214', 10 + i));
  const importLihua = (as: As) =>
    h.mutate('/api/roster/trpc/excel.importRows', { as, input: { rows: [{ rowNumber: 3, values: { name: '李华', idCardNumber: ID_LIHUA, branch: '涌水村流动党员党支部' } }] } });
  const correctTo = (as: As, memberId: string, idCardNumber: string, key: string) =>
    h.mutate('/api/roster/trpc/ledger.correct', { as, input: { memberId, personal: { idCardNumber }, idempotencyKey: key.padEnd(16, '0') } });

  it('one key re-sent with other candidate numbers: every answer is the key-reuse refusal, nothing is evaluated, logged or counted', async () => {
    const s = secretaryOf('yongshuiMobile', 'sec-same-key');
    expect(candidates).toContain(ID_LIHUA);
    const decoy = idCard('19900214', 901);
    const first = await create(s, decoy, 'same-key-create');
    expect(first.data).toMatchObject({ created: true });
    const before = await membersNamed('新党员');
    for (const candidate of candidates) {
      expect((await create(s, candidate, 'same-key-create')).error).toMatchObject({ code: 'CONFLICT', message: KEY_USED_FOR_ANOTHER_REQUEST });
    }
    // The same request again answers as the first did.
    expect((await create(s, decoy, 'same-key-create')).data).toEqual({ id: first.data.id, created: false });

    // The same through ledger.correct, on a member the secretary may correct.
    const subject = first.data.id as string;
    const corrected = await correctTo(s, subject, idCard('19900214', 902), 'same-key-correct');
    expect(corrected.error).toBeNull();
    for (const candidate of candidates) {
      expect((await correctTo(s, subject, candidate, 'same-key-correct')).error).toMatchObject({ code: 'CONFLICT', message: KEY_USED_FOR_ANOTHER_REQUEST });
    }
    expect((await correctTo(s, subject, idCard('19900214', 902), 'same-key-correct')).data).toEqual(corrected.data);

    expect(await membersNamed('新党员')).toBe(before);
    expect(await lookupsOf('sec-same-key')).toEqual([]);
    // Not one of the 60 probes used up the hour: nothing was looked at.
    expect((await search(s, ID_LIHUA)).data.total).toBe(1);
  });

  it('a key another user sent, or an import\'s own key, is the same refusal: a key says nothing of whose or which number', async () => {
    const other = secretaryOf('yongshuiMobile', 'sec-other-key');
    const imported = idCard('19910101', 903);
    expect((await h.mutate('/api/roster/trpc/excel.importRows', {
      as: other, input: { rows: [{ rowNumber: 3, values: { name: '导入键', idCardNumber: imported, branch: '涌水村流动党员党支部' } }] },
    })).data).toMatchObject({ created: 1 });
    const s = secretaryOf('yongshuiMobile', 'sec-key-thief');
    expect((await create(s, idCard('19900214', 904), 'same-key-create')).error).toMatchObject({ code: 'CONFLICT', message: KEY_USED_FOR_ANOTHER_REQUEST });
    for (const key of [`import:${imported}`, `import:${idCard('19910101', 905)}`]) {
      expect((await h.mutate('/api/roster/trpc/members.create', { as: s, input: { branchId: ids.yongshuiMobile, name: '新党员', idempotencyKey: key } })).error)
        .toMatchObject({ code: 'CONFLICT', message: KEY_USED_FOR_ANOTHER_REQUEST });
    }
  });

  it(`fresh keys: each hit in scope is logged with its member and counted across create and correct; the ${ID_CARD_LOOKUPS_PER_HOUR + 1}st is TOO_MANY_REQUESTS; an import's matches are logged, not counted`, async () => {
    const s = secretaryOf('yongshuiMobile', 'sec-in-scope');
    const started = h.clock.now;
    let retry: { id: string } | undefined;
    try {
      // A member created first (a number nobody holds: no lookup), for the retry below.
      retry = (await create(s, idCard('19930303', 906), 'in-scope-fresh')).data;
      expect(retry).toMatchObject({ created: true });
      // A re-import matches members in scope: logged with the member, not counted (a county
      // re-imports its roster; a guess this way leaves a new member for every miss).
      for (let i = 0; i < 7; i++) {
        const row = (await importLihua(s)).data;
        expect(row.created + row.errors.length).toBe(0);
      }
      for (let i = 0; i < 14; i++) {
        expect((await create(s, ID_LIHUA, `in-scope-create-${i}`)).error).toMatchObject({ code: 'BAD_REQUEST', fields: { idCardNumber: 'id_card_in_scope' } });
      }
      for (let i = 0; i < 5; i++) {
        expect((await correctTo(s, lihua, ID_WANG, `in-scope-correct-${i}`)).error).toMatchObject({ code: 'BAD_REQUEST', fields: { 'personal.idCardNumber': 'id_card_in_scope' } });
      }
      // A correction to the number the member already holds is answered too (nothing changes): a lookup.
      expect((await correctTo(s, lihua, ID_LIHUA, 'in-scope-correct-own')).data).toMatchObject({ changes: [] });

      const lookups = await lookupsOf('sec-in-scope');
      expect(lookups).toHaveLength(ID_CARD_LOOKUPS_PER_HOUR + 7);
      expect(lookups.filter((l) => l.kind === 'import_match' && l.foundMemberId === lihua)).toHaveLength(7);
      expect(lookups.filter((l) => l.kind === 'registration_in_scope')).toHaveLength(ID_CARD_LOOKUPS_PER_HOUR);
      expect(lookups.filter((l) => l.kind === 'registration_in_scope' && l.foundMemberId === wangId)).toHaveLength(5);

      // The 21st attempt, whichever way and whatever number, is refused before it is looked at.
      expect((await create(s, ID_LIHUA, 'in-scope-create-21')).error).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: TOO_MANY_ID_CARD_LOOKUPS });
      expect((await create(s, idCard('19930303', 907), 'in-scope-create-22')).error?.code).toBe('TOO_MANY_REQUESTS');
      expect((await importLihua(s)).error?.code).toBe('TOO_MANY_REQUESTS');
      expect((await correctTo(s, lihua, ID_WANG, 'in-scope-correct-21')).error?.code).toBe('TOO_MANY_REQUESTS');
      expect(await lookupsOf('sec-in-scope')).toHaveLength(ID_CARD_LOOKUPS_PER_HOUR + 7);
      // A retry of a request that succeeded still answers as it did: it looks at nothing new.
      expect((await create(s, idCard('19930303', 906), 'in-scope-fresh')).data).toEqual({ id: retry!.id, created: false });
      expect((await h.database.owner.execute(sql`select id_card_number from roster.members where id = ${lihua}`)).rows[0]!.id_card_number).toBe(ID_LIHUA);

      h.clock.now = new Date(started.getTime() + 61 * 60 * 1000);
      expect((await create(s, ID_LIHUA, 'in-scope-create-later')).error?.fields).toEqual({ idCardNumber: 'id_card_in_scope' });
    } finally {
      h.clock.now = started;
    }
  });

  it('an import chunk refused for more hidden holders than lookups left lands nothing and answers no row; every lookup is logged', async () => {
    const s = secretaryOf('yongshuiMobile', 'sec-in-scope-bulk');
    for (let i = 0; i < ID_CARD_LOOKUPS_PER_HOUR - 1; i++) await create(s, ID_LIHUA, `bulk-create-${i}`);
    const fresh = idCard('19940404', 908);
    const answer = await h.mutate('/api/roster/trpc/excel.importRows', {
      as: s,
      input: { rows: [held[0]!, held[1]!, ID_WANG, fresh].map((idCardNumber, i) => ({ rowNumber: i + 3, values: { name: `批量${i}`, idCardNumber, branch: '涌水村流动党员党支部' } })) },
    });
    expect(answer.error).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: TOO_MANY_ID_CARD_LOOKUPS });
    expect(await membersNamed('批量%')).toBe(0);
    const lookups = await lookupsOf('sec-in-scope-bulk');
    expect(lookups).toHaveLength(ID_CARD_LOOKUPS_PER_HOUR - 1 + 3);
    expect(lookups.filter((l) => l.kind === 'registration_refused')).toHaveLength(2);
    expect(lookups.filter((l) => l.kind === 'import_match' && l.foundMemberId === wangId)).toHaveLength(1);
  });
});
