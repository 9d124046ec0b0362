import type { CertificateRegisterRow } from '../certificate-words.ts';
import { addBodyRow, addTitle } from './build-roster-export.ts';
import type { ExportMeta } from './export-row.ts';
import { codeLabel, type XlsxLocale } from './import-fields.ts';
import { styleHeader, toBytes, Workbook } from './workbook.ts';

/**
 * The 流动党员活动证登记簿 columns, in the order a committee's paper register has them (issue
 * 17): the number, the holder, the branch, where and why, the time away, issued, valid until,
 * handed back, and the remarks (a certificate lapsed or revoked, why it runs beyond 6 months,
 * where the holder checked in, the report on the time away, the committee's note).
 */
export const CERTIFICATE_REGISTER_HEADERS: Record<XlsxLocale, string[]> = {
  'zh-CN': ['编号', '姓名', '性别', '所在党支部', '外出地点', '外出原因', '外出时间', '发证日期', '有效期至', '交回日期', '备注'],
  en: ['Number', 'Name', 'Gender', 'Home branch', 'Destination', 'Reason for leaving', 'Away since', 'Issued on', 'Valid until', 'Handed back on', 'Remarks'],
};

const TEXT = {
  'zh-CN': {
    sheet: '流动党员活动证登记簿',
    title: '流动党员活动证登记簿',
    filed: (org: string, date: string) => `登记单位：${org}　　导出日期：${date}`,
    expired: '已过期', revoked: (reason: string | null) => `已注销${reason ? `：${reason}` : ''}`,
    notTransferable: (reason: string) => `暂不能转接组织关系：${reason}`,
    checkedIn: (orgs: string) => `报到：${orgs}`,
    report: (org: string | null, meetings: number | null) => `返回报告：${org ? `参加${org}组织生活` : '已报告'}${meetings !== null ? `，参加会议 ${meetings} 次` : ''}`,
    separator: '；', listSeparator: '、',
  },
  en: {
    sheet: 'Activity certificates',
    title: 'Register of mobile party members’ activity certificates',
    filed: (org: string, date: string) => `Registered by: ${org}    Exported on: ${date}`,
    expired: 'Expired', revoked: (reason: string | null) => `Revoked${reason ? `: ${reason}` : ''}`,
    notTransferable: (reason: string) => `Membership not transferable yet: ${reason}`,
    checkedIn: (orgs: string) => `Checked in with ${orgs}`,
    report: (org: string | null, meetings: number | null) => `Reported on return${org ? `: joined ${org}` : ''}${meetings !== null ? `, ${meetings} meetings` : ''}`,
    separator: '; ', listSeparator: ', ',
  },
} as const;

const WIDTHS = [22, 10, 6, 24, 16, 12, 12, 12, 12, 12, 40];
const dotted = (date: string | null) => (date ? date.replaceAll('-', '.') : '');

function remarks(row: CertificateRegisterRow, locale: XlsxLocale): string {
  const text = TEXT[locale];
  const parts: string[] = [];
  if (row.status === 'expired') parts.push(text.expired);
  if (row.status === 'revoked') parts.push(text.revoked(row.revokeReason));
  if (row.notTransferableReason) parts.push(text.notTransferable(row.notTransferableReason));
  if (row.checkedInWith.length > 0) parts.push(text.checkedIn(row.checkedInWith.join(text.listSeparator)));
  if (row.reportActivities) parts.push(text.report(row.reportJoinedOrg, row.reportMeetings));
  if (row.closeNote) parts.push(row.closeNote);
  return parts.join(text.separator);
}

/** A committee's certificate register as the workbook it files: title with the org and date, then one line per certificate. */
export async function buildCertificateRegister(rows: readonly CertificateRegisterRow[], locale: XlsxLocale = 'zh-CN', meta: ExportMeta = { orgName: '', date: '' }): Promise<Uint8Array> {
  const text = TEXT[locale];
  const headers = CERTIFICATE_REGISTER_HEADERS[locale];
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(text.sheet, {
    views: [{ state: 'frozen', ySplit: 3 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  addTitle(sheet, text.title, text.filed(meta.orgName, meta.date), headers.length);
  sheet.addRow(headers);
  styleHeader(sheet, 3, WIDTHS);
  for (const row of rows) {
    // 广东省深圳: the province before the city, unless the city already starts with it (as the ledger's export).
    const place = [row.destinationProvince, row.destinationCity].filter(Boolean).join('');
    addBodyRow(sheet, [
      row.number,
      row.holderName,
      codeLabel('gender', row.gender, locale),
      row.branchName,
      row.destinationProvince && row.destinationCity.startsWith(row.destinationProvince.replace(/省$/, '')) ? row.destinationCity : place,
      [codeLabel('awayReason', row.reasonCode, locale), row.reason].filter(Boolean).join(locale === 'zh-CN' ? '：' : ': '),
      dotted(row.leftOn),
      dotted(row.issuedOn),
      dotted(row.validUntil),
      dotted(row.handedBackOn),
      remarks(row, locale),
    ]);
  }
  return toBytes(workbook);
}
