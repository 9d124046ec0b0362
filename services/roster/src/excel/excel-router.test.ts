import type { RoleGrant } from '@tongxin/auth';
import { withCheckDigit } from '@tongxin/ledger';
import { buildLedgerExport, buildTemplate, chunkForUpload, IMPORT_FIELDS, parseMemberSheet, type ImportField } from '@tongxin/ledger/xlsx';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { migrations } from '../migrations.ts';
import { ID_CARD_UNAVAILABLE } from '../members/id-card-taken.ts';
import { seedRoster } from '../testing/roster-fixture.ts';

let h: ServiceHarness;
let ids: Record<string, string>;
beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  ({ ids } = await seedRoster(h.database));
});
afterAll(() => h.close());

const member = () => ({ tenantId: 'yx', userId: 'user-liming', roles: [{ role: 'member', orgId: ids.yongshuiMobile! }] as RoleGrant[] });
const secretaryOf = (org: string, tenantId = 'yx') => ({ tenantId, userId: `sec-${org}`, roles: [{ role: 'secretary', orgId: ids[org]! }] as RoleGrant[] });
const department = (tenantId = 'yx') => ({ tenantId, userId: `dep-${tenantId}`, roles: [{ role: 'department' }] as RoleGrant[] });
type Caller = ReturnType<typeof department>;

const count = async (table: string, where = 'true') =>
  (await h.database.owner.execute(sql.raw(`select count(*)::int as n from roster.${table} where ${where}`))).rows[0]!.n as number;
const memberByIdCard = async (id: string) =>
  (await h.database.owner.execute(sql`select m.*, b.name as branch from roster.members m join roster.orgs b on b.id = m.branch_id where m.id_card_number = ${id}`)).rows[0] as Record<string, unknown> | undefined;

/** An ID-card number for Yongxing (431023), born on `birth` (YYYYMMDD), sequence `seq` (odd = male). */
const idCard = (birth: string, seq: number) => withCheckDigit(`431023${birth}${String(seq).padStart(3, '0')}`);

/** The downloaded template, filled in as a secretary would in Excel, back as bytes. */
async function fillTemplate(locale: 'zh-CN' | 'en', rows: Partial<Record<ImportField, string | number | Date>>[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await buildTemplate(locale)) as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0]!;
  rows.forEach((row, i) => {
    for (const [field, value] of Object.entries(row)) sheet.getCell(i + 3, IMPORT_FIELDS.indexOf(field as ImportField) + 1).value = value;
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** What the secretary view does: parse, send in chunks, gather the answers. */
async function importFile(bytes: Uint8Array, as: Caller | ReturnType<typeof secretaryOf>) {
  const parsed = await parseMemberSheet(bytes);
  const total = { created: 0, updated: 0, unchanged: 0, errors: [] as { row: number; column: string; code: string }[] };
  for (const rows of chunkForUpload(parsed.rows)) {
    const result = await h.mutate('/api/roster/trpc/excel.importRows', { as, input: { rows } });
    if (result.error) throw new Error(`${result.error.code}: ${result.error.message}`);
    total.created += result.data.created;
    total.updated += result.data.updated;
    total.unchanged += result.data.unchanged;
    total.errors.push(...result.data.errors);
  }
  return total;
}

const ROWS = [
  { name: '曹小兵', gender: '男', idCardNumber: idCard('19850312', 11), phone: '13912345678', joinedOn: '2010-07-01', education: '高中', branch: '涌水村党支部', status: '在家' },
  { name: '曹秀英', idCardNumber: idCard('19900101', 22), birthDate: new Date(Date.UTC(1990, 0, 1)), branch: '涌水村', phone: 13912340001 },
  {
    name: '李建国', idCardNumber: idCard('19880520', 31), education: '大专', branch: '涌水村流动党员党支部', status: '流动', destinationProvince: '广东省', destinationCity: '深圳',
    employer: '深圳市宏达家具有限公司', occupation: '家具工', residentialAddress: '深圳市龙岗区坂田街道五和大道88号', destinationPhone: '0755-26543210',
    destinationOrgName: '永兴县驻深圳流动党员党支部', destinationOrgLeader: '黄海波', destinationOrgContact: '13800000003', awaySince: '2023/2/15', awayReason: '务工',
  },
  { name: '李桂花', idCardNumber: idCard('19790909', 42), branch: '涌水村流动党员党支部', destinationCity: '东莞', employer: '东莞长安五金厂' },
  { name: '曹春华', idCardNumber: idCard('19951230', 51), branch: '涌水村党支部', joinedOn: '2019年6月' },
  // Bad: the last character is wrong.
  { name: '错号码', idCardNumber: idCard('19850312', 61).slice(0, 17) + (idCard('19850312', 61).endsWith('1') ? '2' : '1'), branch: '涌水村党支部' },
  // Bad: a branch the township does not have, and a phone too short.
  { name: '外镇人', idCardNumber: idCard('19870101', 71), branch: '龙潭村党支部', phone: '1391234' },
];

describe('excel.importRows: a township secretary imports the template', () => {
  it('imports the valid rows and answers row, column and code for the bad ones', async () => {
    const membersBefore = await count('members');
    const eventsBefore = await count('outbox', `topic = 'roster.member_created'`);
    const result = await importFile(await fillTemplate('zh-CN', ROWS), secretaryOf('matian'));
    expect(result).toMatchObject({ created: 5, updated: 0, unchanged: 0 });
    expect(result.errors).toEqual([
      expect.objectContaining({ row: 8, column: 'idCardNumber', code: 'id_card_check_digit' }),
      expect.objectContaining({ row: 9, column: 'phone', code: 'phone' }),
    ]);
    expect(await count('members')).toBe(membersBefore + 5);
    expect(await count('outbox', `topic = 'roster.member_created'`)).toBe(eventsBefore + 5);

    const mobile = await memberByIdCard(idCard('19880520', 31));
    expect(mobile).toMatchObject({
      name: '李建国', gender: 'male', birth_date: '1988-05-20', status: 'mobile', branch: '涌水村流动党员党支部', destination_city: '深圳',
      destination_phone: '0755-26543210', away_since: '2023-02-15', education: 'college', away_reason: 'work', version: 1,
    });
    expect(await memberByIdCard(idCard('19850312', 11))).toMatchObject({ education: 'high_school', away_reason: null });
    // No status column, but a destination: a mobile member. 涌水村 names 涌水村党支部.
    expect(await memberByIdCard(idCard('19790909', 42))).toMatchObject({ status: 'mobile', gender: 'female', birth_date: '1979-09-09' });
    expect(await memberByIdCard(idCard('19900101', 22))).toMatchObject({ branch: '涌水村党支部', phone: '13912340001', status: 'resident' });
    expect(await memberByIdCard(idCard('19951230', 51))).toMatchObject({ joined_on: '2019-06-01' });
    const [created] = (await h.database.owner.execute(sql`select actor_role, actor_user_id, changes from roster.member_versions where member_id = ${mobile!.id} and version = 1 and action = 'created'`)).rows;
    expect(created).toMatchObject({ actor_role: 'secretary', actor_user_id: 'sec-matian' });
    // Histories show ID-card numbers masked.
    expect(created!.changes).toContainEqual({ field: 'idCardNumber', from: null, to: expect.stringMatching(/^431023\*{12}$/) });
  });

  it('importing the same file again changes nothing: no member, no version', async () => {
    const members = await count('members');
    const versions = await count('member_versions');
    const events = await count('outbox');
    const result = await importFile(await fillTemplate('zh-CN', ROWS), secretaryOf('matian'));
    expect(result).toMatchObject({ created: 0, updated: 0, unchanged: 5 });
    expect(result.errors).toHaveLength(2);
    expect([await count('members'), await count('member_versions'), await count('outbox')]).toEqual([members, versions, events]);
  });

  it('a changed cell updates only that member, as one import version with the field diff', async () => {
    const changed = ROWS.map((r) => (r.name === '曹小兵' ? { ...r, phone: '13912349999' } : r));
    const before = await memberByIdCard(idCard('19850312', 11));
    const result = await importFile(await fillTemplate('zh-CN', changed), secretaryOf('matian'));
    expect(result).toMatchObject({ created: 0, updated: 1, unchanged: 4 });
    const history = await h.database.owner.execute(sql`select action, changes from roster.member_versions where member_id = ${before!.id} order by version`);
    expect(history.rows.at(-1)).toEqual({ action: 'import', changes: [{ field: 'phone', from: '13912345678', to: '13912349999' }] });
  });

  it('a 学历 or 外出原因 none of the choices comes back on its column, a reason for a member at home as not_away, and nothing of those rows is written', async () => {
    const [members, versions] = [await count('members'), await count('member_versions')];
    const rows = [
      { name: '曹学历', idCardNumber: idCard('19860606', 23), branch: '涌水村党支部', education: '大学肄业' },
      { name: '曹原因', idCardNumber: idCard('19860607', 25), branch: '涌水村党支部', status: '流动', destinationCity: '长沙', awayReason: '旅游' },
      { name: '曹在家', idCardNumber: idCard('19860608', 27), branch: '涌水村党支部', status: '在家', awayReason: '务工' },
      // 曹小兵 is at home: the roster says so, not the row.
      { name: '曹小兵', idCardNumber: idCard('19850312', 11), branch: '涌水村党支部', awayReason: '经商' },
    ];
    const result = await importFile(await fillTemplate('zh-CN', rows), secretaryOf('matian'));
    expect(result).toMatchObject({ created: 0, updated: 0, unchanged: 0 });
    expect(result.errors).toEqual([
      expect.objectContaining({ row: 3, column: 'education', code: 'invalid_option' }),
      expect.objectContaining({ row: 4, column: 'awayReason', code: 'invalid_option' }),
      expect.objectContaining({ row: 5, column: 'awayReason', code: 'not_away' }),
      expect.objectContaining({ row: 6, column: 'awayReason', code: 'not_away' }),
    ]);
    expect([await count('members'), await count('member_versions')]).toEqual([members, versions]);
  });

  it('a 外出原因 in words sets the reason of a member away, as one import version', async () => {
    const id = idCard('19790909', 42);
    const result = await importFile(await fillTemplate('zh-CN', [{ name: '李桂花', idCardNumber: id, branch: '涌水村流动党员党支部', awayReason: '随迁' }]), secretaryOf('matian'));
    expect(result).toMatchObject({ created: 0, updated: 1, errors: [] });
    const member = await memberByIdCard(id);
    expect(member).toMatchObject({ status: 'mobile', away_reason: 'family' });
    const history = await h.database.owner.execute(sql`select action, changes from roster.member_versions where member_id = ${member!.id} order by version`);
    expect(history.rows.at(-1)).toEqual({ action: 'import', changes: [{ field: 'awayReason', from: null, to: 'family' }] });
  });

  it('reads the English template too', async () => {
    const bytes = await fillTemplate('en', [{ name: 'Cao Lan', gender: 'Female', idCardNumber: idCard('19930303', 82), branch: '涌水村党支部', status: 'Lost contact' }]);
    const result = await importFile(bytes, secretaryOf('matian'));
    expect(result).toMatchObject({ created: 1, errors: [] });
    expect(await memberByIdCard(idCard('19930303', 82))).toMatchObject({ name: 'Cao Lan', gender: 'female', status: 'lost_contact' });
  });

  it('the department imports anywhere in the county', async () => {
    const rows = [{ rowNumber: 2, values: { name: '黄志明', idCardNumber: idCard('19800808', 91), branch: '龙潭村党支部' } }];
    const result = await h.mutate('/api/roster/trpc/excel.importRows', { as: department(), input: { rows } });
    expect(result.data).toMatchObject({ created: 1, errors: [] });
  });
});

describe('excel.importRows: scope and permissions', () => {
  it('a branch secretary cannot import into another branch: the row comes back on 所在支部 and nothing is added', async () => {
    const before = await count('members');
    const rows = [
      { rowNumber: 2, values: { name: '越界者', idCardNumber: idCard('19820202', 13), branch: '涌水村流动党员党支部' } },
      { rowNumber: 3, values: { name: '本支部', idCardNumber: idCard('19820203', 15), branch: '涌水村党支部' } },
    ];
    const result = await h.mutate('/api/roster/trpc/excel.importRows', { as: secretaryOf('yongshui'), input: { rows } });
    expect(result.data).toMatchObject({ created: 1, errors: [{ row: 2, column: 'branch', code: 'unknown_branch' }] });
    expect(await count('members')).toBe(before + 1);
    expect(await memberByIdCard(idCard('19820202', 13))).toBeUndefined();
  });

  it('a number held outside the scope is refused exactly as a number nobody holds: members.create\'s words, the holder untouched', async () => {
    // 黄志明 is in 龙潭村 (黄草镇); the 马田镇 secretary cannot see him.
    const held = idCard('19800808', 91);
    const before = await memberByIdCard(held);
    // A number nobody holds that the import still refuses (its key was used by a member of
    // the caller's own branch whose number was corrected since): a refusal that reveals no holder.
    const freed = idCard('19810909', 93);
    const imported = await h.mutate('/api/roster/trpc/excel.importRows', { as: secretaryOf('matian'), input: { rows: [{ rowNumber: 2, values: { name: '曹改号', idCardNumber: freed, branch: '涌水村党支部' } }] } });
    expect(imported.data).toMatchObject({ created: 1, errors: [] });
    const corrected = await h.mutate('/api/roster/trpc/ledger.correct', {
      as: secretaryOf('matian'), input: { memberId: (await memberByIdCard(freed))!.id, personal: { idCardNumber: idCard('19810909', 95) }, idempotencyKey: 'import-correct-freed-01' },
    });
    expect(corrected.error).toBeNull();
    expect(await memberByIdCard(freed)).toBeUndefined();

    const answer = async (idCardNumber: string) =>
      (await h.mutate('/api/roster/trpc/excel.importRows', { as: secretaryOf('matian'), input: { rows: [{ rowNumber: 5, values: { name: '黄志明', idCardNumber, branch: '涌水村党支部', phone: '13900000000' } }] } })).data;
    const heldAnswer = await answer(held);
    // Would fail if the import again said "not in your organizations" (issue 13, class B).
    expect(heldAnswer).toEqual(await answer(freed));
    expect(heldAnswer).toEqual({ created: 0, updated: 0, unchanged: 0, errors: [{ row: 5, column: 'idCardNumber', code: 'id_card_unavailable', message: ID_CARD_UNAVAILABLE }] });
    const created = await h.mutate('/api/roster/trpc/members.create', {
      as: secretaryOf('matian'), input: { branchId: ids.yongshui, name: '黄志明', idCardNumber: held, idempotencyKey: 'create-held-outside-01' },
    });
    expect(created.error?.fields).toEqual({ idCardNumber: heldAnswer.errors[0].code });
    expect(await memberByIdCard(held)).toEqual(before);
  });

  it('the same ID card twice in one chunk: the second row is duplicate_in_file', async () => {
    const id = idCard('19840404', 17);
    const rows = [
      { rowNumber: 2, values: { name: '曹一', idCardNumber: id, branch: '涌水村党支部' } },
      { rowNumber: 3, values: { name: '曹二', idCardNumber: id, branch: '涌水村党支部' } },
    ];
    const result = await h.mutate('/api/roster/trpc/excel.importRows', { as: secretaryOf('matian'), input: { rows } });
    expect(result.data).toMatchObject({ created: 1, errors: [{ row: 3, column: 'idCardNumber', code: 'duplicate_in_file' }] });
  });

  it('a member is FORBIDDEN and an anonymous caller UNAUTHORIZED', async () => {
    const input = { rows: [{ rowNumber: 2, values: { name: '某人', idCardNumber: idCard('19850505', 19), branch: '涌水村党支部' } }] };
    expect((await h.mutate('/api/roster/trpc/excel.importRows', { as: member(), input })).error?.code).toBe('FORBIDDEN');
    expect((await h.mutate('/api/roster/trpc/excel.importRows', { input })).error?.code).toBe('UNAUTHORIZED');
    expect(await memberByIdCard(idCard('19850505', 19))).toBeUndefined();
  });

  it('more than 500 rows in one call is BAD_REQUEST naming rows, and nothing is imported', async () => {
    const before = await count('members');
    const rows = Array.from({ length: 501 }, (_, i) => ({ rowNumber: i + 2, values: { name: '某某', idCardNumber: idCard('19700101', 101 + (i % 800)) } }));
    const result = await h.mutate('/api/roster/trpc/excel.importRows', { as: department(), input: { rows } });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { rows: expect.any(String) } });
    expect(await count('members')).toBe(before);
  });

  it('a default branch outside the subtree is NOT_FOUND; a township as default branch is BAD_REQUEST', async () => {
    const input = (defaultBranchId: string) => ({ rows: [{ rowNumber: 2, values: { name: '某某', idCardNumber: idCard('19850606', 21) } }], defaultBranchId });
    expect((await h.mutate('/api/roster/trpc/excel.importRows', { as: secretaryOf('matian'), input: input(ids.longtan!) })).error?.code).toBe('NOT_FOUND');
    const township = await h.mutate('/api/roster/trpc/excel.importRows', { as: secretaryOf('matian'), input: input(ids.matian!) });
    expect(township.error).toMatchObject({ code: 'BAD_REQUEST', fields: { defaultBranchId: expect.any(String) } });
    expect(await memberByIdCard(idCard('19850606', 21))).toBeUndefined();
    const ok = await h.mutate('/api/roster/trpc/excel.importRows', { as: secretaryOf('matian'), input: input(ids.yongshui!) });
    expect(ok.data).toMatchObject({ created: 1 });
  });

  it('another county importing the same ID card creates its own member, unseen by this county', async () => {
    const rows = [{ rowNumber: 2, values: { name: '朱小平', idCardNumber: idCard('19850312', 11), branch: '热水村党支部' } }];
    const result = await h.mutate('/api/roster/trpc/excel.importRows', { as: department('rc'), input: { rows } });
    expect(result.data).toMatchObject({ created: 1, errors: [] });
    expect(await count('members', `tenant_id = 'yx' and name = '朱小平'`)).toBe(0);
  });
});

describe('excel.exportRows', () => {
  const exportAll = async (as: Caller | ReturnType<typeof secretaryOf>, input: Record<string, unknown>) => {
    const rows: Record<string, unknown>[] = [];
    let after: string | undefined;
    let orgName = '';
    do {
      const page = await h.query('/api/roster/trpc/excel.exportRows', { as, input: { ...input, after } });
      if (page.error) throw new Error(page.error.code);
      rows.push(...page.data.rows);
      orgName = page.data.orgName;
      after = page.data.next ?? undefined;
    } while (after);
    return { rows, orgName };
  };

  it('a township secretary exports only their township, in pages, ID cards masked', async () => {
    const { rows, orgName } = await exportAll(secretaryOf('matian'), { kind: 'roster', limit: 3 });
    expect(orgName).toBe('马田镇党委');
    const visible = await count('members', `tenant_id = 'yx' and org_path like '%${ids.matian}%'`);
    expect(rows).toHaveLength(visible);
    expect(rows.map((r) => r.branch)).not.toContain('龙潭村党支部');
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
    const withId = rows.find((r) => r.name === '李建国')!;
    expect(withId.idCardNumber).toMatch(/^431023\*{12}$/);
  });

  it('the ledger export lists only mobile and lost-contact members', async () => {
    const { rows } = await exportAll(secretaryOf('matian'), { kind: 'ledger' });
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['mobile', 'lost_contact']));
    expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(['李明', '李建国', 'Cao Lan']));
  });

  it('builds the 流动党员信息台账 with the filing columns from the exported rows', async () => {
    const { rows, orgName } = await exportAll(secretaryOf('matian'), { kind: 'ledger' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildLedgerExport(rows as never, 'zh-CN', { orgName, date: '2026-11-02' })) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect(String(sheet.getCell(2, 1).value)).toContain('马田镇党委');
    expect((sheet.getRow(3).values as unknown[]).slice(1, 10)).toEqual(['序号', '姓名', '性别', '出生年月', '学历', '身份证号', '所在党支部', '外出时间', '外出原因']);
    const line = (sheet.getRow(3 + rows.findIndex((r) => r.name === '李建国') + 1).values as unknown[]).slice(1);
    expect(line).toEqual(expect.arrayContaining(['李建国', '男', '1988.05', '大学专科', '2023.02.15', '务工', '广东省深圳', '黄海波 13800000003', '流动']));
  });

  it('asking for an org outside the subtree is NOT_FOUND; a member is FORBIDDEN', async () => {
    expect((await h.query('/api/roster/trpc/excel.exportRows', { as: secretaryOf('huangcao'), input: { kind: 'roster', orgId: ids.matian } })).error?.code).toBe('NOT_FOUND');
    expect((await h.query('/api/roster/trpc/excel.exportRows', { as: member(), input: { kind: 'roster' } })).error?.code).toBe('FORBIDDEN');
  });

  it('full ID-card numbers: FORBIDDEN for a secretary; for the department, each exported member leaves a sensitive read', async () => {
    const asked = { kind: 'ledger', orgId: ids.matian, fullIdCards: true };
    expect((await h.query('/api/roster/trpc/excel.exportRows', { as: secretaryOf('matian'), input: asked })).error?.code).toBe('FORBIDDEN');
    const reads = await count('sensitive_reads');
    const { rows, orgName } = await exportAll(department(), asked);
    expect(orgName).toBe('马田镇党委');
    expect(rows.find((r) => r.name === '李建国')!.idCardNumber).toBe(idCard('19880520', 31));
    expect(await count('sensitive_reads')).toBe(reads + rows.filter((r) => r.idCardNumber).length);
  });

  it("another county's department exports none of this county", async () => {
    const { rows, orgName } = await exportAll(department('rc'), { kind: 'roster' });
    expect(orgName).toBe('汝城县委组织部');
    expect(rows.map((r) => r.name).sort()).toEqual(['朱国平', '朱小平']);
  });

  it('a cursor that is not one is BAD_REQUEST naming after', async () => {
    const result = await h.query('/api/roster/trpc/excel.exportRows', { as: department(), input: { kind: 'roster', after: 'nonsense' } });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { after: expect.any(String) } });
  });

  it('a malformed cursor of the right shape (an id that is no uuid, a number, a fourth part) is BAD_REQUEST naming after, not a 500', async () => {
    const malformed = [
      ['马田镇', '李明', 'not-a-uuid'],
      ['马田镇', '李明', "00000000-0000-0000-0000-000000000000' or 1=1"],
      ['马田镇', 7, '00000000-0000-0000-0000-000000000000'],
      ['马田镇', '李明', '00000000-0000-0000-0000-000000000000', 'x'],
      { 0: '马田镇', 1: '李明', 2: '00000000-0000-0000-0000-000000000000' },
      null,
    ];
    for (const cursor of malformed) {
      for (const as of [department(), secretaryOf('matian')]) {
        const result = await h.query('/api/roster/trpc/excel.exportRows', { as, input: { kind: 'roster', after: JSON.stringify(cursor) } });
        expect(result.error, JSON.stringify(cursor)).toMatchObject({ code: 'BAD_REQUEST', fields: { after: expect.any(String) } });
      }
    }
    // A member is still refused before the cursor is looked at.
    expect((await h.query('/api/roster/trpc/excel.exportRows', { as: member(), input: { kind: 'roster', after: '["a","b","c"]' } })).error?.code).toBe('FORBIDDEN');
  });

  it('a NUL or a lone surrogate escaped inside the cursor is BAD_REQUEST naming after, before any query (issue 13 F)', async () => {
    // The attacker's request: the outer string is clean, the NUL appears only when the cursor is decoded.
    for (const after of ['["a\\u0000b","b","00000000-0000-0000-0000-000000000000"]', '["a","\\udc00","00000000-0000-0000-0000-000000000000"]']) {
      const result = await h.query('/api/roster/trpc/excel.exportRows', { as: department(), input: { kind: 'roster', after } });
      expect(result.status, after).toBe(400);
      expect(result.error, after).toMatchObject({ code: 'BAD_REQUEST', fields: { after: expect.any(String) } });
    }
  });
});
