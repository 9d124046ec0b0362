import { locale } from '@tongxin/i18n';
import { FIELD_HEADERS, IMPORT_ERROR_MESSAGES, type ImportError, type ImportErrorCode, type ImportField } from '@tongxin/ledger/xlsx/fields';
import { t } from './messages.ts';

/** A column key as its header in the user's language (the header they see in the file). */
export function columnText(column: string): string {
  if (!column) return t('wholeRow');
  return FIELD_HEADERS[column as ImportField]?.[locale()] ?? column;
}

/** The server's error code in the user's language; an unknown code shows its message. */
export function problemText(error: ImportError): string {
  return IMPORT_ERROR_MESSAGES[error.code as ImportErrorCode]?.[locale()] ?? error.message;
}
