import { describe, expect, it } from 'vitest';
import { cellText, sheetOf } from './export-sheet.ts';

describe('a shown table as a sheet', () => {
  const context = { orgName: '马田镇党委', month: '2026-11', subtitle: '月份：2026-11　组织：马田镇党委' };

  it('titles it with the org and the caption, keeps the headers and rows, and names the file after org, caption and month', () => {
    const { sheet, fileName } = sheetOf({ caption: '按组织', headers: ['组织', '流动党员'], rows: [['塘门口村党支部', 12]] }, context);
    expect(sheet).toEqual({
      sheetName: '按组织',
      title: '马田镇党委 按组织',
      subtitle: '月份：2026-11　组织：马田镇党委',
      headers: ['组织', '流动党员'],
      rows: [['塘门口村党支部', 12]],
    });
    expect(fileName).toBe('马田镇党委-按组织-2026-11.xlsx');
  });

  it("keeps a sheet name to Excel's 31 characters without its forbidden ones, and a file name free of path signs", () => {
    const { sheet, fileName } = sheetOf({ caption: 'Trend: reports / meetings [12 months] of the whole county', headers: [], rows: [] }, context);
    expect(sheet.sheetName).toHaveLength(31);
    expect(sheet.sheetName).not.toMatch(/[[\]:*?/\\]/);
    expect(fileName).not.toMatch(/[/\\:*?]/);
  });
});

describe('a cell as the page shows it', () => {
  const plain = (n: number) => String(n);
  it('formats counts, rates and nothing', () => {
    expect(cellText(1234, (n) => n.toLocaleString('en'))).toBe('1,234');
    expect(cellText({ percent: 0.8756 }, plain)).toBe('87.6%');
    expect(cellText({ percent: 1 }, plain)).toBe('100.0%');
    expect(cellText(null, plain)).toBe('—');
    expect(cellText('马田镇党委', plain)).toBe('马田镇党委');
  });
});
