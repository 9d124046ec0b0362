import type { ErrorParams } from '@tongxin/errors';
import { dictionary, isKnownErrorCode } from './dictionary.ts';
import { locale } from './locale.ts';

/**
 * An error code from a server (`error.data.reason`, a field's `code`) or a form's own check,
 * in the current language with its `{params}` filled. An unknown code (a newer server) reads
 * as "check this field". Reactive.
 */
export function errorText(code: string, params: ErrorParams = {}): string {
  const text = dictionary(locale()).errors[isKnownErrorCode(code) ? code : 'invalid_value'];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
