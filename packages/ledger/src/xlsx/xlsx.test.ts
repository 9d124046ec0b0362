import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { withCheckDigit } from '../id-card.ts';
import { AWAY_REASONS, EDUCATION_LEVELS } from '../ledger-fields.ts';
import {
  AWAY_REASON_LABELS, buildErrorReport, buildLedgerExport, buildRosterExport, buildTemplate, canonicalValue, chunkForUpload, EDUCATION_LABELS, EXAMPLE_ID_CARD,
  IMPORT_FIELDS, parseMemberSheet, type ExportRow,
} from './index.ts';

const load = async (bytes: Uint8Array) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
};
const rowTexts = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)));
const save = async (workbook: ExcelJS.Workbook) => new Uint8Array(await workbook.xlsx.writeBuffer());

const ID_1 = withCheckDigit('43102319850312001');
const ID_2 = withCheckDigit('43102319920708002');

describe('the import template', () => {
  it('has the zh-CN header row, the example row, drop-down lists for gender, education, status and the reason for leaving, and an instructions sheet', async () => {
    const workbook = await load(await buildTemplate('zh-CN'));
    const sheet = workbook.worksheets[0]!;
    expect(rowTexts(sheet, 1)).toEqual([
      '姓名 *', '性别', '出生日期', '身份证号 *', '手机号码', '入党时间', '学历', '所在支部 *', '状态',
      '流入省份', '流入城市', '工作单位', '从事职业', '现居住地址', '流入地联系电话', '流入地党组织名称', '流入地党组织负责人', '负责人联系方式', '外出时间', '外出原因',
    ]);
    expect(sheet.getCell(2, 4).value).toBe(EXAMPLE_ID_CARD);
    expect(sheet.getCell(3, 2).dataValidation).toMatchObject({ type: 'list', formulae: ['"男,女"'] });
    expect(sheet.getCell(3, 7).dataValidation).toMatchObject({ type: 'list', formulae: ['"研究生,大学本科,大学专科,中专,高中,初中及以下"'] });
    expect(sheet.getCell(3, 9).dataValidation).toMatchObject({ type: 'list', formulae: ['"在家,流动,失联"'] });
    expect(sheet.getCell(3, 20).dataValidation).toMatchObject({ type: 'list', formulae: ['"务工,经商,求学,随迁、照顾家属,其他"'] });
    expect(workbook.worksheets[1]!.name).toBe('填写说明');
  });

  it('speaks English when asked', async () => {
    const sheet = (await load(await buildTemplate('en'))).worksheets[0]!;
    expect(rowTexts(sheet, 1).slice(0, 4)).toEqual(['Name *', 'Gender', 'Date of birth', 'ID-card number *']);
    expect(sheet.getCell(3, 2).dataValidation).toMatchObject({ formulae: ['"Male,Female"'] });
  });
});

describe('reading a filled-in sheet', () => {
  it('reads the template filled in Excel: dates as dates or text, phones as numbers, labels to values, the example skipped', async () => {
    const workbook = await load(await buildTemplate('zh-CN'));
    const sheet = workbook.worksheets[0]!;
    const col = (field: (typeof IMPORT_FIELDS)[number]) => IMPORT_FIELDS.indexOf(field) + 1;
    sheet.getCell(3, col('name')).value = '曹小兵';
    sheet.getCell(3, col('gender')).value = '男';
    sheet.getCell(3, col('birthDate')).value = new Date(Date.UTC(1985, 2, 12));
    sheet.getCell(3, col('idCardNumber')).value = ID_1;
    sheet.getCell(3, col('phone')).value = 13912345678;
    sheet.getCell(3, col('joinedOn')).value = '2010年7月1日';
    sheet.getCell(3, col('branch')).value = { richText: [{ text: '涌水村' }, { text: '党支部' }] };
    sheet.getCell(3, col('status')).value = '流动';
    sheet.getCell(3, col('education')).value = '大专';
    sheet.getCell(3, col('awaySince')).value = 45000; // a serial day number: 2023-03-15
    sheet.getCell(3, col('awayReason')).value = ' 务工 ';
    sheet.getCell(4, col('name')).value = '李四';
    sheet.getCell(4, col('idCardNumber')).value = 431023199207080020; // typed as a number: digits lost
    sheet.getCell(5, col('name')).value = '王五';
    sheet.getCell(5, col('idCardNumber')).value = ID_1.toLowerCase();
    sheet.getCell(6, col('name')).value = '赵六';
    sheet.getCell(6, col('idCardNumber')).value = ID_2;
    sheet.getCell(6, col('birthDate')).value = '1992/7/8';

    const parsed = await parseMemberSheet(await save(workbook));
    expect(parsed.rows).toEqual([
      {
        rowNumber: 3,
        values: {
          name: '曹小兵', gender: 'male', birthDate: '1985-03-12', idCardNumber: ID_1, phone: '13912345678', joinedOn: '2010-07-01',
          branch: '涌水村党支部', status: 'mobile', education: 'college', awaySince: '2023-03-15', awayReason: 'work',
        },
      },
      { rowNumber: 6, values: { name: '赵六', idCardNumber: ID_2, birthDate: '1992-07-08' } },
    ]);
    expect(parsed.problems).toEqual([
      expect.objectContaining({ row: 4, column: 'idCardNumber', code: 'id_card_as_number' }),
      expect.objectContaining({ row: 5, column: 'idCardNumber', code: 'duplicate_in_file' }),
    ]);
  });

  it('reads English headers and a county sheet with a title row above the header and other column names', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['马田镇流动党员花名册']);
    sheet.addRow(['序号', '姓名', '身份证号码', '所在党支部', '联系电话', '备注']);
    sheet.addRow([1, '曹小兵', ID_1, '涌水村党支部', '13912345678', '']);
    const zh = await parseMemberSheet(await save(workbook));
    expect(zh.rows).toEqual([{ rowNumber: 3, values: { name: '曹小兵', idCardNumber: ID_1, branch: '涌水村党支部', phone: '13912345678' } }]);
    expect(zh.ignoredColumns).toEqual(['序号', '备注']);

    const en = new ExcelJS.Workbook();
    const enSheet = en.addWorksheet('Members');
    enSheet.addRow(['Name', 'Gender', 'ID-card number', 'Branch', 'Status', 'Destination city', 'Education', 'Reason for leaving']);
    enSheet.addRow(['Li Si', 'Female', ID_2, '涌水村党支部', 'Lost contact', '深圳', "bachelor's degree", 'With or caring for family']);
    expect((await parseMemberSheet(await save(en))).rows).toEqual([
      {
        rowNumber: 2,
        values: { name: 'Li Si', gender: 'female', idCardNumber: ID_2, branch: '涌水村党支部', status: 'lost_contact', destinationCity: '深圳', education: 'bachelor', awayReason: 'family' },
      },
    ]);
  });

  it('says so when no sheet has a header row with name and ID-card number', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('x').addRow(['a', 'b']);
    const parsed = await parseMemberSheet(await save(workbook));
    expect(parsed.rows).toEqual([]);
    expect(parsed.problems).toHaveLength(1);
  });
});

describe('upload chunks', () => {
  it('keeps each chunk under the body limit and at most 500 rows', () => {
    const rows = Array.from({ length: 1200 }, (_, i) => ({ rowNumber: i + 2, values: { name: '曹小兵', idCardNumber: ID_1, employer: '深圳市宏达家具有限公司'.repeat(3) } }));
    const chunks = chunkForUpload(rows);
    expect(chunks.flat()).toHaveLength(1200);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(500);
      expect(new TextEncoder().encode(JSON.stringify({ rows: chunk })).length).toBeLessThan(64 * 1024);
    }
  });
});

describe('the error report', () => {
  it('lists row, localized column and message, sorted by row', async () => {
    const errors = [
      { row: 7, column: 'branch', code: 'unknown_branch', message: 'no such branch' },
      { row: 3, column: 'idCardNumber', code: 'id_card_check_digit', message: 'check digit' },
    ];
    const zh = (await load(await buildErrorReport(errors, 'zh-CN'))).worksheets[0]!;
    expect(rowTexts(zh, 1)).toEqual(['行号', '列', '错误说明']);
    expect(rowTexts(zh, 2)).toEqual(['3', '身份证号', '身份证号最后一位（校验码）不正确']);
    expect(rowTexts(zh, 3)).toEqual(['7', '所在支部', '您的管理范围内没有这个支部']);
    const en = (await load(await buildErrorReport(errors, 'en'))).worksheets[0]!;
    expect(rowTexts(en, 2).slice(0, 2)).toEqual(['3', 'ID-card number']);
  });
});

const exportRow: ExportRow = {
  name: '李明', gender: 'male', birthDate: '1988-05-20', idCardNumber: '431023************', phone: '13800000001', joinedOn: '2012-07-01',
  branch: '涌水村流动党员党支部', status: 'mobile', destinationProvince: '广东省', destinationCity: '深圳市', employer: '深圳市宏达家具有限公司',
  occupation: '家具工', residentialAddress: '深圳市龙岗区坂田街道', destinationPhone: null, destinationOrgName: '永兴县驻深圳流动党员党支部',
  destinationOrgLeader: '黄海波', destinationOrgContact: '13800000003', awaySince: '2023-02-15', education: 'high_school', awayReason: 'work',
};

describe('exports', () => {
  it('the 流动党员信息台账 has the title, the org and date, the filing columns and one line per member', async () => {
    const sheet = (await load(await buildLedgerExport([exportRow], 'zh-CN', { orgName: '马田镇党委', date: '2026-11-02' }))).worksheets[0]!;
    expect(sheet.getCell(1, 1).value).toBe('流动党员信息台账');
    expect(String(sheet.getCell(2, 1).value)).toContain('马田镇党委');
    expect(rowTexts(sheet, 3)).toEqual([
      '序号', '姓名', '性别', '出生年月', '学历', '身份证号', '所在党支部', '外出时间', '外出原因', '流入地（省市）', '工作单位', '从事职业', '现居住地址', '联系电话',
      '流入地党组织', '负责人及联系方式', '状态',
    ]);
    expect(rowTexts(sheet, 4)).toEqual([
      '1', '李明', '男', '1988.05', '高中', '431023************', '涌水村流动党员党支部', '2023.02.15', '务工', '广东省深圳市', '深圳市宏达家具有限公司', '家具工',
      '深圳市龙岗区坂田街道', '13800000001', '永兴县驻深圳流动党员党支部', '黄海波 13800000003', '流动',
    ]);
  });

  it('the roster export has the template columns after 序号, so an edited export imports back', async () => {
    const bytes = await buildRosterExport([{ ...exportRow, idCardNumber: ID_1 }], 'zh-CN', { orgName: '马田镇党委', date: '2026-11-02' });
    const sheet = (await load(bytes)).worksheets[0]!;
    expect(String(sheet.getCell(1, 1).value)).toBe('马田镇党委党员名册');
    expect(rowTexts(sheet, 3).slice(0, 5)).toEqual(['序号', '姓名', '性别', '出生日期', '身份证号']);
    const parsed = await parseMemberSheet(bytes);
    expect(parsed.rows[0]).toMatchObject({
      rowNumber: 4, values: { name: '李明', gender: 'male', idCardNumber: ID_1, status: 'mobile', destinationCity: '深圳市', education: 'high_school', awayReason: 'work' },
    });
  });
});

describe('coded columns', () => {
  it('read the labels in either language and the words counties write for them; anything else is left for validation to name', () => {
    expect(['研究生', '硕士', '本科', '大专', '中专/中技', '高中', '初中', '小学', 'Junior college'].map((v) => canonicalValue('education', v))).toEqual([
      'postgraduate', 'postgraduate', 'bachelor', 'college', 'secondary_vocational', 'high_school', 'junior_or_below', 'junior_or_below', 'college',
    ]);
    expect(['务工', '打工', '经商', '求学', '随迁、照顾家属', '随迁', '其他', 'Business'].map((v) => canonicalValue('awayReason', v))).toEqual([
      'work', 'work', 'business', 'study', 'family', 'family', 'other', 'business',
    ]);
    expect(canonicalValue('education', '大学肄业')).toBe('大学肄业');
    // A label of another column is not this column's value.
    expect(canonicalValue('awayReason', '男')).toBe('男');
    expect(canonicalValue('name', ' 务工 ')).toBe('务工');
  });

  it('every band and reason has a label in both languages', () => {
    for (const level of EDUCATION_LEVELS) expect(Object.keys(EDUCATION_LABELS[level])).toEqual(['zh-CN', 'en']);
    for (const reason of AWAY_REASONS) expect(Object.keys(AWAY_REASON_LABELS[reason])).toEqual(['zh-CN', 'en']);
  });
});
