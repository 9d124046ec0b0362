export { saveFile } from '@tongxin/ui';

/** exceljs is ~250 KB gzipped: it loads only when a workbook is read or written. */
export const loadXlsx = () => import('@tongxin/ledger/xlsx');
