import { CONTACT_SOURCE_WORDS, LOST_CONTACT_REASON_WORDS, type LostRegisterRow, type RecontactedRegisterRow } from '../lost-contact-words.ts';
import { addBodyRow, addTitle } from './build-roster-export.ts';
import type { ExportMeta } from './export-row.ts';
import { codeLabel, type XlsxLocale } from './import-fields.ts';
import { styleHeader, toBytes, Workbook } from './workbook.ts';

/**
 * The 失联党员登记表 and the 恢复联系党员登记表 (brief "Lost contact": members lost, with the
 * register's reason code; those found again, registered as re-contacted), one sheet each, in
 * the columns the paper registers have.
 */
export const LOST_REGISTER_HEADERS: Record<XlsxLocale, string[]> = {
  'zh-CN': ['序号', '姓名', '性别', '出生年月', '入党时间', '所在党支部', '失联时间', '失联原因', '最后联系时间', '最后联系方式', '查找情况'],
  en: ['No.', 'Name', 'Gender', 'Born', 'Joined the party', 'Branch', 'Lost contact since', 'Reason', 'Last contact', 'Last contact by', 'Search so far'],
};
export const RECONTACTED_REGISTER_HEADERS: Record<XlsxLocale, string[]> = {
  'zh-CN': ['序号', '姓名', '性别', '所在党支部', '失联时间', '失联原因', '恢复联系时间', '现所在地', '现工作单位', '备注'],
  en: ['No.', 'Name', 'Gender', 'Branch', 'Lost contact since', 'Reason', 'Re-contacted on', 'Now in', 'Employer now', 'Remarks'],
};

const TEXT = {
  'zh-CN': {
    lost: '失联党员登记表', found: '恢复联系党员登记表',
    filed: (org: string, date: string) => `填报单位：${org}　　填报日期：${date}`,
    attempts: (n: number) => (n > 0 ? `已联系 ${n} 次未联系上` : '未记录联系尝试'),
    status: (status: string) => (status === 'mobile' ? '继续外出，纳入流动党员管理' : status === 'resident' ? '已返乡' : ''),
  },
  en: {
    lost: 'Lost contact', found: 'Re-contacted',
    filed: (org: string, date: string) => `Filed by: ${org}    Date: ${date}`,
    attempts: (n: number) => (n > 0 ? `${n} attempts without reaching them` : 'No attempt recorded'),
    status: (status: string) => (status === 'mobile' ? 'Still away, managed as a mobile member' : status === 'resident' ? 'Back home' : ''),
  },
} as const;

const dotted = (date: string | null) => (date ? date.slice(0, 10).replaceAll('-', '.') : '');
const month = (date: string | null) => (date ? date.slice(0, 7).replace('-', '.') : '');
/** An instant as its China calendar date (YYYY.MM.DD). */
const chinaDay = (iso: string | null) => (iso ? dotted(new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString()) : '');
const reasonWords = (code: number | null, locale: XlsxLocale) =>
  code ? `${code}. ${LOST_CONTACT_REASON_WORDS[code as keyof typeof LOST_CONTACT_REASON_WORDS]?.[locale] ?? ''}` : '';

export async function buildLostContactRegisters(
  registers: { lost: readonly LostRegisterRow[]; recontacted: readonly RecontactedRegisterRow[] },
  locale: XlsxLocale = 'zh-CN',
  meta: ExportMeta = { orgName: '', date: '' },
): Promise<Uint8Array> {
  const text = TEXT[locale];
  const workbook = new Workbook();
  const sheet = (name: string, headers: string[], widths: number[]) => {
    const s = workbook.addWorksheet(name, {
      views: [{ state: 'frozen', ySplit: 3 }],
      pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    addTitle(s, name, text.filed(meta.orgName, meta.date), headers.length);
    s.addRow(headers);
    styleHeader(s, 3, widths);
    return s;
  };
  const lost = sheet(text.lost, LOST_REGISTER_HEADERS[locale], [6, 10, 6, 10, 10, 24, 12, 20, 12, 14, 22]);
  registers.lost.forEach((row, i) => addBodyRow(lost, [
    i + 1, row.name, codeLabel('gender', row.gender, locale), month(row.birthDate), month(row.joinedOn), row.branchName,
    dotted(row.since), reasonWords(row.reason, locale), chinaDay(row.lastContactAt),
    row.lastContactSource ? CONTACT_SOURCE_WORDS[row.lastContactSource][locale] : '', text.attempts(row.failedAttempts),
  ]));
  const found = sheet(text.found, RECONTACTED_REGISTER_HEADERS[locale], [6, 10, 6, 24, 12, 20, 12, 14, 22, 26]);
  registers.recontacted.forEach((row, i) => addBodyRow(found, [
    i + 1, row.name, codeLabel('gender', row.gender, locale), row.branchName, dotted(row.lostSince), reasonWords(row.reason, locale),
    chinaDay(row.recontactedAt), row.destinationCity ?? '', row.employer ?? '', text.status(row.status),
  ]));
  return toBytes(workbook);
}
