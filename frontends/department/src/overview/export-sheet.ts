import type { TableCell, TableExport } from '@tongxin/ledger/xlsx';

export type { TableCell };

/** A table as a page shows it: its caption names it in the sheet's title and the file's name. */
export interface ShownTable {
  caption: string;
  headers: string[];
  rows: TableCell[][];
}

/** What the title's second line says: the month and the org (in the user's language). */
export interface SheetContext {
  orgName: string;
  month: string;
  /** "月份：{month}　组织：{org}" and the like, already translated. */
  subtitle: string;
}

/** Characters Excel refuses in a sheet's name, and in a file name on Windows. */
const SHEET_FORBIDDEN = /[[\]:*?/\\]/g;
const FILE_FORBIDDEN = /[<>:"/\\|?*]/g;

/** The sheet (title row: org and caption; then the month and org; the headers; the rows) and the file it is saved as. */
export function sheetOf(table: ShownTable, context: SheetContext): { sheet: TableExport; fileName: string } {
  const sheetName = table.caption.replace(SHEET_FORBIDDEN, ' ').trim().slice(0, 31) || 'Sheet1';
  const fileName = `${context.orgName}-${table.caption}-${context.month}`.replace(FILE_FORBIDDEN, ' ').trim();
  return {
    sheet: {
      sheetName,
      title: `${context.orgName} ${table.caption}`,
      subtitle: context.subtitle,
      headers: [...table.headers],
      rows: table.rows.map((row) => [...row]),
    },
    fileName: `${fileName}.xlsx`,
  };
}

/** A cell as the page shows it: counts grouped by the locale, rates as percentages with one decimal, nothing as a dash. */
export function cellText(cell: TableCell, formatNumber: (value: number) => string): string {
  if (cell === null) return '—';
  if (typeof cell === 'number') return formatNumber(cell);
  if (typeof cell === 'object') return `${(Math.round(cell.percent * 1000) / 10).toFixed(1)}%`;
  return cell;
}
