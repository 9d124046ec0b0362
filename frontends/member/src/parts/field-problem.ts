import { locale } from '@tongxin/i18n';
import { m } from './messages.ts';

/**
 * The server's per-field messages (`error.data.fields`) are English, from zod or a rule
 * checked against data. Common rules read in the member's language; in Chinese any other
 * rule reads as "check this field" (the field is marked), in English as the server said it.
 */
export function describeProblem(message: string): string {
  const tooLong = /(at most|<=?)\s*(\d+)/.exec(message);
  if (tooLong && /character|string|long/i.test(message)) return m('tooLong', { max: tooLong[2]! });
  if (/must not be empty|required|>=\s*1 character|at least 1/i.test(message)) return m('required');
  return locale() === 'en' ? message : m('checkField');
}

/** Local checks before sending: empty required text, text over its limit. */
export function checkText(value: string, rule: { required?: boolean; max: number }): string | undefined {
  const text = value.trim();
  if (rule.required && text === '') return m('required');
  if (text.length > rule.max) return m('tooLong', { max: rule.max });
  return undefined;
}

/** Field problems from a failed call, keyed by the input's names, in the member's language. */
export function problemsOf(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([field, message]) => [field, describeProblem(message)]));
}
