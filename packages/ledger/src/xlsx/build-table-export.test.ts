import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildTableExport } from './index.ts';

const load = async (bytes: Uint8Array) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook.worksheets[0]!;
};

describe("a view's table as a workbook", () => {
  it('has the title, the month and org line, the headers, then counts as numbers and rates as percentages', async () => {
    const sheet = await load(
      await buildTableExport({
        sheetName: '按组织',
        title: '永兴县 按组织',
        subtitle: '月份：2026-11　组织：永兴县委组织部',
        headers: ['组织', '流动党员', '报告率'],
        rows: [
          ['马田镇党委', 120, { percent: 0.875 }],
          ['湘阴渡街道党工委', 0, null],
        ],
      }),
    );
    expect(sheet.name).toBe('按组织');
    expect(sheet.getCell(1, 1).value).toBe('永兴县 按组织');
    expect(sheet.getCell(2, 1).value).toBe('月份：2026-11　组织：永兴县委组织部');
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual(['组织', '流动党员', '报告率']);
    expect(sheet.getCell(4, 2).value).toBe(120);
    expect(sheet.getCell(4, 3).value).toBe(0.875);
    expect(sheet.getCell(4, 3).numFmt).toBe('0.0%');
    expect(sheet.getCell(5, 3).value).toBe('');
  });

  it('writes a name that looks like a formula as text', async () => {
    const sheet = await load(await buildTableExport({ sheetName: 'x', title: 't', subtitle: 's', headers: ['组织'], rows: [['=HYPERLINK("x")']] }));
    expect(sheet.getCell(4, 1).value).toBe('\'=HYPERLINK("x")');
  });
});
