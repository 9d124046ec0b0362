import type { XlsxLocale } from './import-fields.ts';
import { IMPORTABLE_ORG_KINDS, ORG_FIELD_HEADERS, ORG_IMPORT_FIELDS, ORG_KIND_LABELS, ORG_REQUIRED_FIELDS, type OrgImportField } from './org-import-fields.ts';
import { styleHeader, THIN_BORDER, toBytes, Workbook } from './workbook.ts';

const VALIDATED_ROWS = 2000;
const WIDTHS: Record<OrgImportField, number> = { parent: 30, kind: 16, name: 30, place: 14, province: 12, city: 12, address: 30 };

const TEXT: Record<XlsxLocale, { sheet: string; help: string; example: string; lines: (department: string) => string[] }> = {
  'zh-CN': {
    sheet: '组织架构',
    help: '填写说明',
    example: '示例（请在“组织架构”表中填写，本表不会被导入）：',
    lines: (department) => [
      '1. 每行填写一个党组织：上级组织、组织类型、组织名称必填。',
      `2. “上级组织”填写上级组织的全称，如“${department}”或本文件中另一行的组织名称；各行顺序不限。`,
      '3. 本县有同名组织时，请写出路径，例如“马田镇党委/涌水村党支部”。',
      '4. 组织类型请从下拉列表选择：乡镇党委、街道党工委在组织部之下；党支部、党总支、流动党员党支部、流动党组织在乡镇（街道）党委之下；流动党支部也可在流动党总支之下。',
      '5. 流动党组织（流动党总支、流动党支部）须填写所在省份和城市，即流入地。',
      '6. 按“上级组织 + 组织名称”识别组织：已有的组织不会重复建立，只更新填写了的所在地列；同一文件重复导入不会产生重复组织。',
      '7. 有错误的行不会导入，系统会生成一份错误报告（行号、列、原因），改正后重新导入同一文件即可。',
    ],
  },
  en: {
    sheet: 'Organizations',
    help: 'Instructions',
    example: 'Example (fill in the Organizations sheet; this sheet is never imported):',
    lines: (department) => [
      '1. One party organization per row: parent, kind and name are required.',
      `2. The parent is the full name of the parent organization, such as ${department}, or the name in another row of this file; rows may come in any order.`,
      '3. Where the county has two organizations of that name, write the path, e.g. 马田镇党委/涌水村党支部.',
      '4. Pick the kind from the list: township and street committees sit under the department; branches, general branches, mobile-member branches and flow organizations under a township or street committee; a flow branch may also sit under a flow general branch.',
      '5. Flow organizations (flow general branches, flow branches) need the province and city they sit in (the destination).',
      '6. Organizations are matched by parent and name: an existing one is not created again, only its filled-in place columns change; importing the same file twice adds nothing.',
      '7. Rows with errors are not imported: you get an error report (row, column, reason) to correct the file and import it again.',
    ],
  },
};

/** Example rows for the instructions sheet, under the county's own department. */
function examples(department: string, locale: XlsxLocale): Record<OrgImportField, string>[] {
  const kind = (k: keyof typeof ORG_KIND_LABELS) => ORG_KIND_LABELS[k][locale];
  const none = { place: '', province: '', city: '', address: '' };
  return [
    { parent: department, kind: kind('township'), name: '马田镇党委', ...none, place: '马田镇' },
    { parent: '马田镇党委', kind: kind('branch'), name: '涌水村党支部', ...none, place: '涌水村' },
    { parent: '马田镇党委', kind: kind('mobile_branch'), name: '涌水村流动党员党支部', ...none, place: '涌水村' },
    { parent: '马田镇党委', kind: kind('flow_general'), name: '驻深圳流动党员党总支', place: '', province: '广东省', city: '深圳', address: '' },
    { parent: '驻深圳流动党员党总支', kind: kind('flow_branch'), name: '驻深圳龙岗流动党员党支部', place: '', province: '广东省', city: '深圳', address: '龙岗区坂田街道' },
  ];
}

/**
 * The org-tree import template (issue 12): the columns, a drop-down of the kinds an import
 * may create, and an instructions sheet with examples under the county's own department.
 */
export async function buildOrgTemplate(locale: XlsxLocale = 'zh-CN', options: { departmentName?: string } = {}): Promise<Uint8Array> {
  const text = TEXT[locale];
  const department = options.departmentName || (locale === 'zh-CN' ? '某某县委组织部' : 'the county’s organization department');
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(text.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = (f: OrgImportField) => `${ORG_FIELD_HEADERS[f][locale]}${ORG_REQUIRED_FIELDS.includes(f) ? ' *' : ''}`;
  sheet.addRow(ORG_IMPORT_FIELDS.map(header));
  styleHeader(sheet, 1, ORG_IMPORT_FIELDS.map((f) => WIDTHS[f]));
  ORG_IMPORT_FIELDS.forEach((_, i) => (sheet.getColumn(i + 1).numFmt = '@'));
  const kinds = IMPORTABLE_ORG_KINDS.map((k) => ORG_KIND_LABELS[k][locale]);
  const kindColumn = ORG_IMPORT_FIELDS.indexOf('kind') + 1;
  for (let row = 2; row <= VALIDATED_ROWS; row++) {
    sheet.getCell(row, kindColumn).dataValidation = {
      type: 'list', allowBlank: true, formulae: [`"${kinds.join(',')}"`], showErrorMessage: true,
      error: locale === 'zh-CN' ? '请从下拉列表中选择' : 'Pick a value from the list',
    };
  }

  const help = workbook.addWorksheet(text.help);
  help.columns = ORG_IMPORT_FIELDS.map((f) => ({ width: WIDTHS[f] }));
  help.addRow([text.help]).font = { bold: true, size: 14 };
  for (const line of text.lines(department)) help.addRow([line]);
  help.addRow([]);
  help.addRow([text.example]).font = { bold: true };
  const head = help.addRow(ORG_IMPORT_FIELDS.map(header));
  head.font = { bold: true };
  for (const example of examples(department, locale)) {
    const row = help.addRow(ORG_IMPORT_FIELDS.map((f) => example[f]));
    row.eachCell({ includeEmpty: true }, (cell) => (cell.border = THIN_BORDER));
    row.font = { color: { argb: 'FF808080' } };
  }
  return toBytes(workbook);
}
