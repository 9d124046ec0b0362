import { withCheckDigit } from '../id-card.ts';
import { DATE_FIELDS } from './cell-text.ts';
import { AWAY_REASONS, EDUCATION_LEVELS } from '../ledger-fields.ts';
import {
  AWAY_REASON_LABELS, EDUCATION_LABELS, FIELD_HEADERS, GENDER_LABELS, IMPORT_FIELDS, IMPORT_STATUSES, REQUIRED_FIELDS, STATUS_LABELS, type ImportField, type XlsxLocale,
} from './import-fields.ts';
import { styleHeader, toBytes, Workbook } from './workbook.ts';

/** The template's example ID: a valid number a parse recognises and skips, so a left-in example imports nothing. */
export const EXAMPLE_ID_CARD = withCheckDigit('43102319900101001');

/** Rows that get the drop-down lists (data validation is per cell in the file format). */
const VALIDATED_ROWS = 2000;

const EXAMPLE: Record<XlsxLocale, Partial<Record<ImportField, string>>> = {
  'zh-CN': {
    name: '张三（示例，可删除）', gender: '男', birthDate: '1990-01-01', idCardNumber: EXAMPLE_ID_CARD, phone: '13800138000',
    joinedOn: '2015-07-01', education: '高中', branch: '涌水村流动党员党支部', status: '流动', destinationProvince: '广东省', destinationCity: '深圳',
    employer: '深圳市宏达家具有限公司', occupation: '家具工', residentialAddress: '深圳市龙岗区坂田街道五和大道88号',
    destinationPhone: '13800138000', destinationOrgName: '永兴县驻深圳流动党员党支部', destinationOrgLeader: '黄海波',
    destinationOrgContact: '13800000003', awaySince: '2023-02-15', awayReason: '务工',
  },
  en: {
    name: 'Zhang San (example, delete me)', gender: 'Male', birthDate: '1990-01-01', idCardNumber: EXAMPLE_ID_CARD, phone: '13800138000',
    joinedOn: '2015-07-01', education: 'Senior high school', branch: '涌水村流动党员党支部', status: 'Mobile', destinationProvince: '广东省', destinationCity: '深圳',
    employer: '深圳市宏达家具有限公司', occupation: 'Furniture maker', residentialAddress: '88 Wuhe Avenue, Longgang, Shenzhen',
    destinationPhone: '13800138000', destinationOrgName: '永兴县驻深圳流动党员党支部', destinationOrgLeader: '黄海波',
    destinationOrgContact: '13800000003', awaySince: '2023-02-15', awayReason: 'Work',
  },
};

const TEXT: Record<XlsxLocale, { sheet: string; help: string; lines: string[] }> = {
  'zh-CN': {
    sheet: '党员信息',
    help: '填写说明',
    lines: [
      '1. 每行填写一名党员；第2行为示例，可直接删除（保留也不会被导入）。',
      '2. 带 * 的列必须填写：姓名、身份证号、所在支部（填写您管理范围内支部的全称）。',
      '3. 身份证号请按文本填写（本表已设为文本格式），否则 Excel 会丢失末几位。',
      '4. 日期可写作 2024-03-15、2024/3/15、2024年3月15日；性别、学历、状态和外出原因请从下拉列表选择。',
      '5. 状态为“流动”的党员请填写流入地信息（信息台账）和外出原因；状态留空时，填了流入城市的视为流动党员。',
      '6. 按身份证号识别党员：已有的党员只更新填写了的列，空白的列保持不变；同一文件重复导入不会产生重复记录。',
      '7. 有错误的行不会导入，系统会生成一份错误报告（行号、列、原因），改正后可只导入这些行。',
    ],
  },
  en: {
    sheet: 'Members',
    help: 'Instructions',
    lines: [
      '1. One member per row; row 2 is an example you may delete (it is never imported).',
      '2. Columns marked * are required: name, ID-card number, branch (the full name of a branch you manage).',
      '3. Enter ID-card numbers as text (the column is formatted as text): Excel drops the last digits of long numbers.',
      '4. Dates may be written 2024-03-15, 2024/3/15 or 2024年3月15日; pick gender, education, status and the reason for leaving from the lists.',
      '5. For mobile members fill in the destination (the ledger) and the reason for leaving; with no status, a row with a destination city is a mobile member.',
      '6. Members are matched by ID-card number: for an existing member only the filled-in columns change; importing the same file twice adds nothing.',
      '7. Rows with errors are not imported: you get an error report (row, column, reason) to correct and import them again.',
    ],
  },
};

export const templateHeader = (field: ImportField, locale: XlsxLocale) =>
  `${FIELD_HEADERS[field][locale]}${REQUIRED_FIELDS.includes(field) ? ' *' : ''}`;

/** The import template the secretary view offers for download. */
export async function buildTemplate(locale: XlsxLocale = 'zh-CN'): Promise<Uint8Array> {
  const text = TEXT[locale];
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(text.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(IMPORT_FIELDS.map((f) => templateHeader(f, locale)));
  styleHeader(sheet, 1, IMPORT_FIELDS.map((f) => (f === 'idCardNumber' ? 22 : f === 'residentialAddress' || f === 'employer' || f === 'destinationOrgName' ? 28 : 14)));
  const example = sheet.addRow(IMPORT_FIELDS.map((f) => EXAMPLE[locale][f] ?? ''));
  example.font = { italic: true, color: { argb: 'FF808080' } };

  // Text format on ID, phone and date columns keeps Excel from turning them into numbers.
  IMPORT_FIELDS.forEach((field, i) => {
    if (field === 'idCardNumber' || field.toLowerCase().includes('phone') || field === 'destinationOrgContact' || DATE_FIELDS.has(field)) {
      sheet.getColumn(i + 1).numFmt = '@';
    }
  });
  const lists: Partial<Record<ImportField, string[]>> = {
    gender: Object.values(GENDER_LABELS).map((l) => l[locale]),
    status: IMPORT_STATUSES.map((s) => STATUS_LABELS[s][locale]),
    education: EDUCATION_LEVELS.map((e) => EDUCATION_LABELS[e][locale]),
    awayReason: AWAY_REASONS.map((r) => AWAY_REASON_LABELS[r][locale]),
  };
  for (const [field, options] of Object.entries(lists) as [ImportField, string[]][]) {
    const column = IMPORT_FIELDS.indexOf(field) + 1;
    for (let row = 2; row <= VALIDATED_ROWS; row++) {
      sheet.getCell(row, column).dataValidation = {
        type: 'list', allowBlank: true, formulae: [`"${options.join(',')}"`], showErrorMessage: true,
        error: locale === 'zh-CN' ? '请从下拉列表中选择' : 'Pick a value from the list',
      };
    }
  }

  const help = workbook.addWorksheet(text.help);
  help.getColumn(1).width = 110;
  help.addRow([text.help]).font = { bold: true, size: 14 };
  for (const line of text.lines) help.addRow([line]);
  return toBytes(workbook);
}
