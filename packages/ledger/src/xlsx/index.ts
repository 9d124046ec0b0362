// `@tongxin/ledger/xlsx`: workbooks (exceljs) for the secretary view, which loads this entry
// lazily; the member's bundle never imports it. The server imports `./fields` only.
export * from './import-fields.ts';
export { buildTemplate, EXAMPLE_ID_CARD } from './build-template.ts';
export { parseMemberSheet, type ParsedSheet } from './parse-member-sheet.ts';
export { buildErrorReport, type ReportedError, type ReportVocabulary } from './build-error-report.ts';
export * from './org-import-fields.ts';
export { buildOrgTemplate } from './build-org-template.ts';
export { parseOrgSheet, type ParsedOrgSheet } from './parse-org-sheet.ts';
export { buildRosterExport } from './build-roster-export.ts';
export { buildLedgerExport, LEDGER_EXPORT_HEADERS } from './build-ledger-export.ts';
export { buildCertificateRegister, CERTIFICATE_REGISTER_HEADERS } from './build-certificate-register.ts';
export { normalizeDate } from './cell-text.ts';
export type { ExportMeta, ExportRow } from './export-row.ts';
export { checkWorkbookSize, MAX_FILE_BYTES, MAX_ROWS, MAX_UNCOMPRESSED_BYTES, WorkbookRefused, type WorkbookRefusal } from './check-workbook-size.ts';
export { formulaSafeText } from './formula-safe-text.ts';
export type { ReadProgress } from './workbook.ts';
export { buildTableExport, type TableCell, type TableExport } from './build-table-export.ts';
export { buildLostContactRegisters, LOST_REGISTER_HEADERS, RECONTACTED_REGISTER_HEADERS } from './build-lost-contact-registers.ts';
