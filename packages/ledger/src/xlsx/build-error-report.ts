import { formulaSafeText } from './formula-safe-text.ts';
import { FIELD_HEADERS, IMPORT_ERROR_MESSAGES, type ImportErrorCode, type XlsxLocale } from './import-fields.ts';
import { styleHeader, toBytes, Workbook } from './workbook.ts';

export interface ReportedError {
  row: number;
  /** A field key (translated to its header here) or '' for the whole row. */
  column: string;
  /** When given, the message is the code's translation; otherwise `message` as it is. */
  code?: ImportErrorCode | string;
  message: string;
}

const TEXT = {
  'zh-CN': { sheet: '导入错误', headers: ['行号', '列', '错误说明'], row: '整行' },
  en: { sheet: 'Import errors', headers: ['Row', 'Column', 'Problem'], row: '(whole row)' },
} as const;

/** The words of one import: its column headers and its error codes' messages. */
export interface ReportVocabulary {
  headers: Record<string, Record<XlsxLocale, string>>;
  messages: Record<string, Record<XlsxLocale, string>>;
}

const MEMBER_IMPORT: ReportVocabulary = { headers: FIELD_HEADERS, messages: IMPORT_ERROR_MESSAGES };

/**
 * The rows an import refused, one line per problem, sorted by row: the secretary corrects the
 * file from it. The members import's words by default; the org-tree import passes its own.
 */
export async function buildErrorReport(errors: readonly ReportedError[], locale: XlsxLocale = 'zh-CN', vocabulary: ReportVocabulary = MEMBER_IMPORT): Promise<Uint8Array> {
  const text = TEXT[locale];
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(text.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...text.headers]);
  styleHeader(sheet, 1, [8, 20, 70]);
  const sorted = [...errors].sort((a, b) => a.row - b.row);
  for (const error of sorted) {
    const header = vocabulary.headers[error.column]?.[locale] ?? (error.column || text.row);
    const translated = error.code ? vocabulary.messages[error.code]?.[locale] : undefined;
    // The server's detail (e.g. "at most 40 characters") follows the translation in English only.
    const message = translated ? (locale === 'en' && error.message && error.message !== translated ? `${translated} (${error.message})` : translated) : error.message;
    sheet.addRow([error.row, formulaSafeText(header), formulaSafeText(message)]);
  }
  return toBytes(workbook);
}
