import { m } from './edit-messages.ts';

/**
 * The ledger's zod rules (@tongxin/ledger) speak English, one message per rule; the
 * server returns the same messages in `error.data.fields`. This turns either into the
 * member's language.
 */
export function describeFieldProblem(message: string): string {
  const tooLong = /^at most (\d+) characters/.exec(message);
  if (tooLong) return m('rule.tooLong', { max: tooLong[1]! });
  if (message.startsWith('must not be empty')) return m('rule.required');
  if (message.startsWith('a mobile number')) return m('rule.phone');
  if (message.startsWith('a date in the future')) return m('rule.futureDate');
  if (message.startsWith('a date')) return m('rule.date');
  return m('rule.other');
}
