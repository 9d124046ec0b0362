import { format, locale } from '@tongxin/i18n';
import type { ReadProgress } from '@tongxin/ledger/xlsx';
import { MAX_FILE_BYTES, MAX_ROWS, MAX_UNCOMPRESSED_BYTES } from '@tongxin/ledger/xlsx/limits';
import { ParseFailed } from './parse-in-worker.ts';
import { FIELD_HEADERS, IMPORT_ERROR_MESSAGES } from '@tongxin/ledger/xlsx/fields';
import { ORG_FIELD_HEADERS, ORG_IMPORT_ERROR_MESSAGES } from '@tongxin/ledger/xlsx/org-fields';
import { t } from './messages.ts';
import type { RowError } from './upload-rows.ts';

/** Which import's words: its column headers and its error codes' messages (the same as in its error report). */
export type ImportVocabulary = 'members' | 'orgs';

const WORDS = {
  members: { headers: FIELD_HEADERS, messages: IMPORT_ERROR_MESSAGES },
  orgs: { headers: ORG_FIELD_HEADERS, messages: ORG_IMPORT_ERROR_MESSAGES },
} as const satisfies Record<ImportVocabulary, { headers: object; messages: object }>;

/** The words to hand to `buildErrorReport`. */
export const reportVocabulary = (vocabulary: ImportVocabulary) =>
  WORDS[vocabulary] as unknown as { headers: Record<string, Record<'zh-CN' | 'en', string>>; messages: Record<string, Record<'zh-CN' | 'en', string>> };

/** A column key as its header in the user's language (the header they see in the file). */
export function columnText(column: string, vocabulary: ImportVocabulary = 'members'): string {
  if (!column) return t('wholeRow');
  return reportVocabulary(vocabulary).headers[column]?.[locale()] ?? column;
}

/** The server's error code in the user's language; an unknown code shows its message. */
export function problemText(error: RowError, vocabulary: ImportVocabulary = 'members'): string {
  return reportVocabulary(vocabulary).messages[error.code]?.[locale()] ?? error.message;
}

/** Why a file was not imported, in the user's language (the limits named with their values). */
export function parseFailureText(error: unknown): string {
  const code = error instanceof ParseFailed ? error.code : 'unreadable';
  const mb = (bytes: number) => format(bytes / 1024 / 1024);
  if (code === 'file_too_large') return t('refused.file_too_large', { mb: mb(MAX_FILE_BYTES) });
  if (code === 'expands_too_large') return t('refused.expands_too_large', { mb: mb(MAX_UNCOMPRESSED_BYTES) });
  if (code === 'too_many_rows') return t('refused.too_many_rows', { rows: format(MAX_ROWS) });
  return t('unreadable');
}

/** The reading phase's status line: the size check's percentage, then the rows read. */
export function readingText(progress: ReadProgress | null): string {
  if (!progress) return t('reading');
  if (progress.phase === 'checking') return t('checking', { percent: progress.total ? Math.floor((progress.done / progress.total) * 100) : 0 });
  return t('readingRows', { done: format(progress.done), total: format(progress.total) });
}
