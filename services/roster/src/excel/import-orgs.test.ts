import type { RoleGrant } from '@tongxin/auth';
import { buildOrgTemplate, chunkForUpload, ORG_IMPORT_FIELDS, orderForImport, parseOrgSheet, type OrgImportField } from '@tongxin/ledger/xlsx';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { migrations } from '../migrations.ts';
import { seedRoster } from '../testing/roster-fixture.ts';

let h: ServiceHarness;
let ids: Record<string, string>;
beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  ({ ids } = await seedRoster(h.database));
});
afterAll(() => h.close());

const department = (tenantId = 'yx') => ({ tenantId, userId: `dep-${tenantId}`, roles: [{ role: 'department' }] as RoleGrant[] });
const secretaryOf = (org: string) => ({ tenantId: 'yx', userId: `sec-${org}`, roles: [{ role: 'secretary', orgId: ids[org]! }] as RoleGrant[] });
type Caller = ReturnType<typeof department> | ReturnType<typeof secretaryOf>;

const rows = async (query: ReturnType<typeof sql>) => (await h.database.owner.execute(query)).rows as Record<string, unknown>[];
const count = async (table: string) => (await rows(sql.raw(`select count(*)::int as n from roster.${table} where tenant_id = 'yx'`)))[0]!.n as number;
const orgNamed = async (name: string) => (await rows(sql`select o.*, p.name as parent from roster.orgs o left join roster.orgs p on p.id = o.parent_id where o.name = ${name}`));

/** The downloaded template, filled in as the department would in Excel, back as bytes. */
async function fillTemplate(lines: Partial<Record<OrgImportField, string>>[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await buildOrgTemplate('zh-CN', { departmentName: '永兴县委组织部' })) as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0]!;
  lines.forEach((line, i) => {
    for (const [field, value] of Object.entries(line)) sheet.getCell(i + 2, ORG_IMPORT_FIELDS.indexOf(field as OrgImportField) + 1).value = value;
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** What the secretary view does: parse, order parents first, send in chunks, gather the answers. */
async function importFile(bytes: Uint8Array, as: Caller = department(), chunkRows = 200) {
  const parsed = await parseOrgSheet(bytes);
  const total = { created: 0, updated: 0, unchanged: 0, errors: [...parsed.problems] as { row: number; column: string; code: string }[] };
  for (const chunk of chunkForUpload(orderForImport(parsed.rows), chunkRows)) {
    const result = await h.mutate('/api/roster/trpc/excel.importOrgs', { as, input: { rows: chunk } });
    if (result.error) throw new Error(`${result.error.code}: ${result.error.message}`);
    total.created += result.data.created;
    total.updated += result.data.updated;
    total.unchanged += result.data.unchanged;
    total.errors.push(...result.data.errors);
  }
  total.errors.sort((a, b) => a.row - b.row);
  return total;
}

// Children before their parents on purpose; row numbers are the Excel rows (header = 1).
const TREE = [
  { parent: '油麻镇党委', kind: '党支部', name: '油麻村党支部', place: '油麻村' }, // 2
  { parent: '永兴县委组织部', kind: '乡镇党委', name: '油麻镇党委', place: '油麻镇' }, // 3
  { parent: '油麻镇党委', kind: '流动党员党支部', name: '油麻村流动党员党支部', place: '油麻村' }, // 4
  { parent: '驻东莞流动党员党总支', kind: '流动党支部', name: '驻东莞长安流动党员党支部', province: '广东省', city: '东莞', address: '长安镇' }, // 5
  { parent: '油麻镇党委', kind: '流动党总支', name: '驻东莞流动党员党总支', province: '广东省', city: '东莞' }, // 6
];

describe('excel.importOrgs: the department imports its org tree', () => {
  it('creates every row in any order, each with its history row and org_saved event, flow orgs in the directory', async () => {
    const [orgs, changes, saved] = [await count('orgs'), await count('org_changes'), await rows(sql`select count(*)::int as n from roster.outbox where topic = 'roster.org_saved'`)];
    const result = await importFile(await fillTemplate(TREE));
    expect(result).toEqual({ created: 5, updated: 0, unchanged: 0, errors: [] });
    expect(await count('orgs')).toBe(orgs + 5);
    expect(await count('org_changes')).toBe(changes + 5);
    expect((await rows(sql`select count(*)::int as n from roster.outbox where topic = 'roster.org_saved'`))[0]!.n).toBe((saved[0]!.n as number) + 5);

    expect(await orgNamed('油麻村党支部')).toEqual([expect.objectContaining({ kind: 'branch', parent: '油麻镇党委', place: '油麻村' })]);
    const [branch] = await orgNamed('驻东莞长安流动党员党支部');
    expect(branch).toMatchObject({ kind: 'flow_branch', parent: '驻东莞流动党员党总支', province: '广东省', city: '东莞', address: '长安镇' });
    const [township] = await orgNamed('油麻镇党委');
    expect(branch!.path).toBe(`/${ids.department}/${township!.id}/${branch!.parent_id}/${branch!.id}/`);
    const [history] = await rows(sql`select action, actor_user_id from roster.org_changes where org_id = ${branch!.id}`);
    expect(history).toEqual({ action: 'created', actor_user_id: 'dep-yx' });
    // 永兴 is live: another county's members find its new flow organizations.
    const listed = await rows(sql`select name from roster.org_directory where tenant_id = 'yx' and city = '东莞' order by name`);
    expect(listed.map((r) => r.name)).toEqual(['驻东莞流动党员党总支', '驻东莞长安流动党员党支部']);
  });

  it('importing the same file again changes nothing: no org, no history, no event', async () => {
    const before = [await count('orgs'), await count('org_changes'), await count('outbox')];
    const result = await importFile(await fillTemplate(TREE));
    expect(result).toEqual({ created: 0, updated: 0, unchanged: 5, errors: [] });
    expect([await count('orgs'), await count('org_changes'), await count('outbox')]).toEqual(before);
  });

  it('a changed place updates only that org, as one history entry', async () => {
    const changed = TREE.map((line) => (line.name === '油麻村党支部' ? { ...line, place: '油麻村（新）' } : line));
    const result = await importFile(await fillTemplate(changed));
    expect(result).toMatchObject({ created: 0, updated: 1, unchanged: 4 });
    const [org] = await orgNamed('油麻村党支部');
    expect(await rows(sql`select action, before, after from roster.org_changes where org_id = ${org!.id} order by at`)).toEqual([
      expect.objectContaining({ action: 'created' }),
      { action: 'updated', before: { place: '油麻村' }, after: { place: '油麻村（新）' } },
    ]);
  });

  it('a file with a cycle and an unknown parent reports those rows and creates nothing for them; the good rows land', async () => {
    const before = await count('orgs');
    const result = await importFile(await fillTemplate([
      { parent: '甲镇党委', kind: '乡镇党委', name: '乙镇党委' }, // 2: cycle
      { parent: '乙镇党委', kind: '乡镇党委', name: '甲镇党委' }, // 3: cycle
      { parent: '甲镇党委', kind: '党支部', name: '甲村党支部' }, // 4: hangs from the cycle
      { parent: '不存在镇党委', kind: '党支部', name: '无主村党支部' }, // 5: unknown parent
      { parent: '马田镇党委', kind: '党支部', name: '新塘村党支部' }, // 6: fine
    ]));
    expect(result.created).toBe(1);
    expect(result.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'parent', 'cycle'], [3, 'parent', 'cycle'], [4, 'parent', 'parent_has_error'], [5, 'parent', 'unknown_parent'],
    ]);
    expect(await count('orgs')).toBe(before + 1);
    for (const name of ['甲镇党委', '乙镇党委', '甲村党支部', '无主村党支部']) expect(await orgNamed(name)).toEqual([]);
    expect(await orgNamed('新塘村党支部')).toEqual([expect.objectContaining({ parent: '马田镇党委' })]);
  });

  it('a name the county has twice needs the path, and the error says so; with the path the row lands', async () => {
    await importFile(await fillTemplate([
      { parent: '马田镇党委', kind: '党总支', name: '机关党总支' },
      { parent: '黄草镇党委', kind: '党总支', name: '机关党总支' },
    ]));
    const result = await importFile(await fillTemplate([
      { parent: '机关党总支', kind: '党支部', name: '机关第一党支部' },
      { parent: '黄草镇党委/机关党总支', kind: '党支部', name: '机关第二党支部' },
    ]));
    expect(result.created).toBe(1);
    expect(result.errors).toEqual([expect.objectContaining({ row: 2, column: 'parent', code: 'ambiguous_parent', message: expect.stringContaining('马田镇党委/涌水村党支部') })]);
    const [second] = await orgNamed('机关第二党支部');
    expect((await rows(sql`select p.name from roster.orgs o join roster.orgs p on p.id = o.parent_id where o.id = ${second!.parent_id}`))[0]).toEqual({ name: '黄草镇党委' });
  });

  it('a kind the parent cannot take, a bad kind and a flow organization without its city are row errors', async () => {
    const result = await importFile(await fillTemplate([
      { parent: '永兴县委组织部', kind: '党支部', name: '直属机关党支部' }, // fine: a branch may sit under the department
      { parent: '涌水村党支部', kind: '党支部', name: '涌水村第一党小组' },
      { parent: '马田镇党委', kind: '居委会', name: '某社区' },
      { parent: '马田镇党委', kind: '流动党支部', name: '驻佛山流动党员党支部', province: '广东省' },
    ]));
    expect(result.created).toBe(1);
    expect(result.errors.map((e) => [e.row, e.column, e.code])).toEqual([[3, 'kind', 'kind_not_allowed'], [4, 'kind', 'bad_kind'], [5, 'city', 'flow_needs_place']]);
  });

  it('sent in small chunks, parents land before their children', async () => {
    const lines = [
      { parent: '太和镇党委', kind: '党支部', name: '太和村党支部' },
      { parent: '太和镇党委', kind: '党支部', name: '板梁村党支部' },
      { parent: '永兴县委组织部', kind: '乡镇党委', name: '太和镇党委' },
    ];
    expect(await importFile(await fillTemplate(lines), department(), 1)).toMatchObject({ created: 3, errors: [] });
  });

  it('a dry run checks and counts, and writes nothing', async () => {
    const before = [await count('orgs'), await count('outbox')];
    const input = { rows: [{ rowNumber: 2, values: { parent: '马田镇党委', kind: '党支部', name: '试算村党支部' } }], dryRun: true };
    expect((await h.mutate('/api/roster/trpc/excel.importOrgs', { as: department(), input })).data).toEqual({ created: 1, updated: 0, unchanged: 0, errors: [] });
    expect([await count('orgs'), await count('outbox')]).toEqual(before);
  });
});

describe('excel.importOrgs: who may', () => {
  const input = { rows: [{ rowNumber: 2, values: { parent: '涌水村党支部', kind: '党支部', name: '越权党支部' } }] };

  it('a branch secretary is FORBIDDEN, a township secretary too, and nothing is created', async () => {
    expect((await h.mutate('/api/roster/trpc/excel.importOrgs', { as: secretaryOf('yongshui'), input })).error?.code).toBe('FORBIDDEN');
    expect((await h.mutate('/api/roster/trpc/excel.importOrgs', { as: secretaryOf('matian'), input })).error?.code).toBe('FORBIDDEN');
    expect(await orgNamed('越权党支部')).toEqual([]);
  });

  it("another county's department finds none of this county's orgs as parents", async () => {
    const result = await h.mutate('/api/roster/trpc/excel.importOrgs', { as: department('rc'), input: { rows: [{ rowNumber: 2, values: { parent: '马田镇党委', kind: '党支部', name: '越界党支部' } }] } });
    expect(result.data).toMatchObject({ created: 0, errors: [{ row: 2, column: 'parent', code: 'unknown_parent' }] });
  });

  it('more than 200 rows in one call is BAD_REQUEST naming rows (the planner must not stall the server)', async () => {
    const many = Array.from({ length: 201 }, (_, i) => ({ rowNumber: i + 2, values: { parent: '马田镇党委', kind: '党支部', name: `第${i}村党支部` } }));
    const result = await h.mutate('/api/roster/trpc/excel.importOrgs', { as: department(), input: { rows: many } });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { rows: expect.any(String) } });
  });
});
