import { isErrorCode, type ErrorParams } from '@tongxin/errors';
import { enErrors, zhCNErrors } from './dictionaries/errors.ts';
import { locale, type Locale } from './locale.ts';

const dictionaries: Record<Locale, typeof zhCNErrors> = { 'zh-CN': zhCNErrors, en: enErrors };

/**
 * An error code from a server (`error.data.reason`, a field's `code`) or a form's own check,
 * in the current language with its `{params}` filled. An unknown code (a newer server) reads
 * as "check this field". Reactive.
 */
export function errorText(code: string, params: ErrorParams = {}): string {
  const text = dictionaries[locale()][isErrorCode(code) ? code : 'invalid_value'];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
