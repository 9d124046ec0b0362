import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CertificateRegisterRow } from '../certificate-words.ts';
import { buildCertificateRegister } from './index.ts';

const load = async (bytes: Uint8Array) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook.worksheets[0]!;
};
const rowTexts = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)));

const line = (extra: Partial<CertificateRegisterRow> = {}): CertificateRegisterRow => ({
  id: crypto.randomUUID(), number: '永兴〔2026〕第012号', holderName: '李明', gender: 'male', branchName: '涌水村流动党员党支部', issuerName: '马田镇党委',
  destinationProvince: '广东省', destinationCity: '深圳', reasonCode: 'work', reason: '家具厂务工', leftOn: '2026-09-01', issuedOn: '2026-11-02',
  validUntil: '2027-03-01', status: 'returned', handedBackOn: '2027-02-10', notTransferableReason: null, closeNote: '已核对', revokeReason: null,
  reportActivities: '在家具厂务工', reportJoinedOrg: '永兴县驻深圳流动党员党支部', reportMeetings: 4, checkedInWith: ['永兴县驻深圳流动党员党支部'], ...extra,
});

describe('the certificate register workbook', () => {
  it('has the register’s title, the committee and date, the official columns, and one line per certificate with its remarks', async () => {
    const sheet = await load(await buildCertificateRegister([
      line(),
      line({ number: '永兴〔2026〕第013号', holderName: '=HYPERLINK("x")', gender: 'female', status: 'revoked', revokeReason: '误发', handedBackOn: null,
        reportActivities: null, checkedInWith: [], closeNote: null, notTransferableReason: '单位未建党组织', destinationProvince: null, destinationCity: '东莞', reason: null }),
    ], 'zh-CN', { orgName: '马田镇党委', date: '2026-12-07' }));
    expect(sheet.name).toBe('流动党员活动证登记簿');
    expect(rowTexts(sheet, 1)[0]).toBe('流动党员活动证登记簿');
    expect(rowTexts(sheet, 2)[0]).toBe('登记单位：马田镇党委　　导出日期：2026-12-07');
    expect(rowTexts(sheet, 3)).toEqual(['编号', '姓名', '性别', '所在党支部', '外出地点', '外出原因', '外出时间', '发证日期', '有效期至', '交回日期', '备注']);
    expect(rowTexts(sheet, 4)).toEqual([
      '永兴〔2026〕第012号', '李明', '男', '涌水村流动党员党支部', '广东省深圳', '务工：家具厂务工', '2026.09.01', '2026.11.02', '2027.03.01', '2027.02.10',
      '报到：永兴县驻深圳流动党员党支部；返回报告：参加永兴县驻深圳流动党员党支部组织生活，参加会议 4 次；已核对',
    ]);
    // A name is text, never a formula; a revoked line says so and why.
    expect(rowTexts(sheet, 5)).toEqual([
      '永兴〔2026〕第013号', '\'=HYPERLINK("x")', '女', '涌水村流动党员党支部', '东莞', '务工', '2026.09.01', '2026.11.02', '2027.03.01', '',
      '已注销：误发；暂不能转接组织关系：单位未建党组织',
    ]);
  });

  it('speaks English when asked', async () => {
    const sheet = await load(await buildCertificateRegister([line({ status: 'expired', handedBackOn: null })], 'en', { orgName: 'Matian', date: '2026-12-07' }));
    expect(rowTexts(sheet, 3)[0]).toBe('Number');
    expect(rowTexts(sheet, 4)[2]).toBe('Male');
    expect(rowTexts(sheet, 4)[10]).toMatch(/^Expired; Checked in with/);
  });
});
