import { locale } from '@tongxin/i18n';
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
