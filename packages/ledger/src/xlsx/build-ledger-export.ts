import { addBodyRow, addTitle } from './build-roster-export.ts';
import type { ExportMeta, ExportRow } from './export-row.ts';
import { codeLabel, type XlsxLocale } from './import-fields.ts';
import { styleHeader, toBytes, Workbook } from './workbook.ts';

/** The 流动党员信息台账 columns, in the order a county files them. */
export const LEDGER_EXPORT_HEADERS: Record<XlsxLocale, string[]> = {
  'zh-CN': [
    '序号', '姓名', '性别', '出生年月', '学历', '身份证号', '所在党支部', '外出时间', '外出原因', '流入地（省市）', '工作单位', '从事职业',
    '现居住地址', '联系电话', '流入地党组织', '负责人及联系方式', '状态',
  ],
  en: [
    'No.', 'Name', 'Gender', 'Born (year.month)', 'Education', 'ID-card number', 'Home branch', 'Away since', 'Reason for leaving', 'Destination (province, city)',
    'Employer', 'Occupation', 'Residential address', 'Phone', 'Destination party organization', 'Leader and contact', 'Status',
  ],
};

const TEXT = {
  'zh-CN': { sheet: '流动党员信息台账', title: '流动党员信息台账', filed: (org: string, date: string) => `填报单位：${org}　　填报日期：${date}` },
  en: { sheet: 'Mobile members ledger', title: "Mobile party members' information ledger", filed: (org: string, date: string) => `Filed by: ${org}    Date: ${date}` },
} as const;

const WIDTHS = [6, 10, 6, 10, 12, 22, 24, 12, 12, 16, 26, 12, 30, 14, 26, 22, 8];

/** 1985-03-12 → 1985.03: the forms give the birth year and month only. */
const yearMonth = (date: string | null) => (date ? date.slice(0, 7).replace('-', '.') : '');
const dotted = (date: string | null) => (date ? date.replaceAll('-', '.') : '');
const joined = (parts: (string | null)[], separator: string) => parts.filter(Boolean).join(separator);

/** The mobile-member ledger (流动党员信息台账): title with org and date, then one line per member. */
export async function buildLedgerExport(rows: readonly ExportRow[], locale: XlsxLocale = 'zh-CN', meta: ExportMeta = { orgName: '', date: '' }): Promise<Uint8Array> {
  const text = TEXT[locale];
  const headers = LEDGER_EXPORT_HEADERS[locale];
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(text.sheet, {
    views: [{ state: 'frozen', ySplit: 3 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  addTitle(sheet, text.title, text.filed(meta.orgName, meta.date), headers.length);
  sheet.addRow(headers);
  styleHeader(sheet, 3, WIDTHS);
  rows.forEach((row, i) => {
    const place = row.destinationProvince && row.destinationCity?.startsWith(row.destinationProvince.replace(/省$/, ''))
      ? row.destinationCity
      : joined([row.destinationProvince, row.destinationCity], '');
    addBodyRow(sheet, [
      i + 1,
      row.name,
      codeLabel('gender', row.gender, locale),
      yearMonth(row.birthDate),
      codeLabel('education', row.education, locale),
      row.idCardNumber ?? '',
      row.branch,
      dotted(row.awaySince),
      codeLabel('awayReason', row.awayReason, locale),
      place,
      row.employer ?? '',
      row.occupation ?? '',
      row.residentialAddress ?? '',
      row.destinationPhone ?? row.phone ?? '',
      row.destinationOrgName ?? '',
      joined([row.destinationOrgLeader, row.destinationOrgContact], ' '),
      codeLabel('status', row.status, locale),
    ]);
  });
  return toBytes(workbook);
}
