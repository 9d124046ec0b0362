import { cellText } from './cell-text.ts';
import type { Worksheet } from './workbook.ts';

/** How far down a header row may sit (county sheets often have a title row or two above it). */
export const HEADER_SEARCH_ROWS = 6;

/**
 * The first of a sheet's top rows that names every `required` column, with the column each
 * known header stands in and the header cells that name none (ignored). Shared by the
 * members and the organizations import: only the header vocabulary differs.
 */
export function findHeaderRow<F extends string>(sheet: Worksheet, fieldOfHeader: (label: string) => F | null, required: readonly F[]) {
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); r++) {
    const columns = new Map<number, F>();
    const ignored: string[] = [];
    sheet.getRow(r).eachCell((cell, col) => {
      const label = cellText(cell.value, 'name').text;
      const field = label ? fieldOfHeader(label) : null;
      if (field && ![...columns.values()].includes(field)) columns.set(col, field);
      else if (label) ignored.push(label);
    });
    const fields = new Set(columns.values());
    if (required.every((field) => fields.has(field))) return { rowNumber: r, columns, ignored };
  }
  return null;
}
