import type { Route } from '../route.ts';
import type { ShownTable, TableCell } from './export-sheet.ts';

/** A cell that opens something: a child's overview (`to`) or another view's page (`href`). */
export interface LinkedCell {
  value: TableCell;
  to?: Route;
  href?: string;
}
export type Cell = TableCell | LinkedCell;

export interface TableModel {
  caption: string;
  headers: string[];
  rows: Cell[][];
}

export const isLinked = (cell: Cell): cell is LinkedCell => cell !== null && typeof cell === 'object' && 'value' in cell;
export const valueOf = (cell: Cell): TableCell => (isLinked(cell) ? cell.value : cell);

/** The table as it is saved: the values without their links. */
export const shownTable = (table: TableModel): ShownTable => ({ caption: table.caption, headers: table.headers, rows: table.rows.map((row) => row.map(valueOf)) });
