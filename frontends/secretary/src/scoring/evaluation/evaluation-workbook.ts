import ExcelJS from 'exceljs';
import { formatChinaTime } from '../../shared/china-time.ts';
import type { Proposal } from '../scoring-api.ts';
import { gradeText, t } from './messages.ts';

// Loaded only when the secretary exports (exceljs is large): the page imports this module lazily.

const BORDER: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2DCDB' } };

/** The year's evaluation of an org as a workbook: a title, the export date, then one row per member. */
export async function buildEvaluationWorkbook(rows: readonly Proposal[], meta: { orgName: string; year: number; date: string }): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(t('xlsx.sheet'), { views: [{ state: 'frozen', ySplit: 3 }] });
  const columns: [string, number][] = [
    [t('xlsx.seq'), 6], [t('xlsx.name'), 12], [t('xlsx.branch'), 24], [t('xlsx.points'), 10], [t('xlsx.reports'), 10], [t('xlsx.meetings'), 10], [t('xlsx.attended'), 12], [t('xlsx.tasks'), 12],
    [t('xlsx.proposed'), 12], [t('xlsx.final'), 12], [t('xlsx.overridden'), 8], [t('xlsx.reason'), 30], [t('xlsx.confirmedBy'), 12], [t('xlsx.confirmedAt'), 18],
  ];
  sheet.addRow([t('xlsx.title', { org: meta.orgName, year: meta.year })]);
  sheet.mergeCells(1, 1, 1, columns.length);
  sheet.getCell(1, 1).font = { bold: true, size: 16 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 28;
  sheet.addRow([t('xlsx.date', { date: meta.date })]);
  sheet.mergeCells(2, 1, 2, columns.length);
  const header = sheet.addRow(columns.map(([title]) => title));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
  });
  columns.forEach(([, width], i) => (sheet.getColumn(i + 1).width = width));
  rows.forEach((row, i) => {
    const line = sheet.addRow([
      i + 1,
      row.name,
      row.branchName ?? '',
      row.basis.points,
      row.basis.reports,
      row.basis.inPersonMeetings,
      row.basis.meetingsAttended ?? '',
      row.basis.tasksClaimed === undefined ? '' : `${row.basis.tasksCompleted ?? 0} / ${row.basis.tasksClaimed}`,
      row.proposedGrade ? gradeText(row.proposedGrade) : t('xlsx.noProposal'),
      gradeText(row.finalGrade),
      row.finalGrade ? (row.overridden ? t('xlsx.yes') : t('xlsx.no')) : '',
      row.reason ?? '',
      row.confirmedBy ?? '',
      row.confirmedAt ? formatChinaTime(row.confirmedAt) : '',
    ]);
    line.eachCell({ includeEmpty: true }, (cell) => (cell.border = BORDER));
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer as ArrayBuffer);
}
