import { errorText } from '@tongxin/i18n';

/** Local checks before sending, in the same words as the server's codes: empty required text, text over its limit. */
export function checkText(value: string, rule: { required?: boolean; max: number }): string | undefined {
  const text = value.trim();
  if (rule.required && text === '') return errorText('required');
  if (text.length > rule.max) return errorText('too_long', { max: rule.max });
  return undefined;
}
