import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  buildErrorReport, buildOrgTemplate, chunkForUpload, ORG_FIELD_HEADERS, ORG_IMPORT_ERROR_MESSAGES, orderForImport, orgKindOf, parentSegments,
  parseOrgSheet, type OrgImportRow,
} from './index.ts';

const load = async (bytes: Uint8Array) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
};
const rowTexts = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)));
const save = async (workbook: ExcelJS.Workbook) => new Uint8Array(await workbook.xlsx.writeBuffer());

describe('the organizations template', () => {
  it('has the zh-CN columns, a drop-down of the kinds an import creates, and instructions with examples under the county’s department', async () => {
    const workbook = await load(await buildOrgTemplate('zh-CN', { departmentName: '宜章县委组织部' }));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('组织架构');
    expect(rowTexts(sheet, 1)).toEqual(['上级组织 *', '组织类型 *', '组织名称 *', '所在地', '所在省份', '所在城市', '详细地址']);
    expect(sheet.getCell(2, 2).dataValidation).toMatchObject({ type: 'list', formulae: ['"乡镇党委,街道党工委,党总支,党支部,流动党员党支部,流动党总支,流动党支部"'] });
    const help = workbook.worksheets[1]!;
    const texts: string[] = [];
    help.eachRow((row) => texts.push(rowTexts(help, row.number).join('|')));
    expect(texts.join('\n')).toContain('宜章县委组织部|乡镇党委|马田镇党委');
  });

  it('an untouched template reads as no rows: the examples are not on the data sheet', async () => {
    expect((await parseOrgSheet(await buildOrgTemplate('en'))).rows).toEqual([]);
  });
});

describe('reading an organizations sheet', () => {
  it('reads the rows with their Excel row numbers, in either language, and refuses the same parent and name twice', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['宜章县党组织一览']);
    sheet.addRow(['序号', '上级党组织', '类型', '组织名称', '省份', '城市']);
    sheet.addRow([1, '宜章县委组织部', '乡镇党委', '梅田镇党委']);
    sheet.addRow([2, '梅田镇党委', '党支部', { richText: [{ text: '平和村' }, { text: '党支部' }] }]);
    sheet.addRow([3, '梅田镇党委', '党支部', '平和村党支部']);
    sheet.addRow([4, '梅田镇党委', '流动党支部', '驻广州流动党支部', '广东省', 13800]);
    const parsed = await parseOrgSheet(await save(workbook));
    expect(parsed.rows).toEqual([
      { rowNumber: 3, values: { parent: '宜章县委组织部', kind: '乡镇党委', name: '梅田镇党委' } },
      { rowNumber: 4, values: { parent: '梅田镇党委', kind: '党支部', name: '平和村党支部' } },
      { rowNumber: 6, values: { parent: '梅田镇党委', kind: '流动党支部', name: '驻广州流动党支部', province: '广东省', city: '13800' } },
    ]);
    expect(parsed.problems).toEqual([expect.objectContaining({ row: 5, column: 'name', code: 'duplicate_in_file' })]);
    expect(parsed.ignoredColumns).toEqual(['序号']);
  });

  it('kinds by their Chinese or English label or their code', () => {
    expect(['乡镇党委', '镇党委', 'Township committee', 'township'].map(orgKindOf)).toEqual(['township', 'township', 'township', 'township']);
    expect(orgKindOf('流动党员党支部')).toBe('mobile_branch');
    expect(orgKindOf('流动党支部')).toBe('flow_branch');
    expect(orgKindOf('居委会')).toBeNull();
    expect(parentSegments('马田镇党委 / 涌水村党支部')).toEqual(['马田镇党委', '涌水村党支部']);
    expect(parentSegments('马田镇党委／涌水村党支部')).toEqual(['马田镇党委', '涌水村党支部']);
  });
});

describe('upload order', () => {
  const row = (rowNumber: number, parent: string, name: string): OrgImportRow => ({ rowNumber, values: { parent, name, kind: '党支部' } });

  it('puts every parent before its children, whatever the file’s order, and a loop last, together', () => {
    const rows = [
      row(2, '平和村党支部', '平和村第一党小组'),
      row(3, '梅田镇党委', '平和村党支部'),
      row(4, 'B', 'A'),
      row(5, '宜章县委组织部', '梅田镇党委'),
      row(6, 'A', 'B'),
      row(7, '梅田镇党委/平和村党支部', '平和村第二党小组'),
    ];
    const ordered = orderForImport(rows).map((r) => r.rowNumber);
    expect(ordered.indexOf(5)).toBeLessThan(ordered.indexOf(3));
    expect(ordered.indexOf(3)).toBeLessThan(ordered.indexOf(2));
    expect(ordered.indexOf(3)).toBeLessThan(ordered.indexOf(7));
    expect(ordered.slice(-2)).toEqual([4, 6]);
    expect(chunkForUpload(orderForImport(rows), 2).flat()).toHaveLength(6);
  });
});

describe('the organizations error report', () => {
  it('uses the org import’s column headers and messages', async () => {
    const errors = [{ row: 4, column: 'parent', code: 'unknown_parent', message: 'no such parent' }];
    const sheet = (await load(await buildErrorReport(errors, 'zh-CN', { headers: ORG_FIELD_HEADERS, messages: ORG_IMPORT_ERROR_MESSAGES }))).worksheets[0]!;
    expect(rowTexts(sheet, 2)).toEqual(['4', '上级组织', ORG_IMPORT_ERROR_MESSAGES.unknown_parent['zh-CN']]);
  });
});
