import { m, type SecretaryMessageKey } from '../messages.ts';

// @tongxin/ledger's rules (and the server's field errors) speak English, one message per
// rule; the form shows the rule in the user's language.
const RULES: [RegExp, SecretaryMessageKey][] = [
  // Before the number rule: the refusal of a number held out of sight (issue 13 B).
  [/cannot be registered here/i, 'rule.idCardUnavailable'],
  // Before the number and integer rules: a number a member in the caller's scope holds.
  [/already has this ID-card number/i, 'rule.idCardInScope'],
  [/must not be empty|required/i, 'rule.required'],
  [/^at most|too big|too long/i, 'rule.tooLong'],
  [/^at least|too small|too short/i, 'rule.tooShort'],
  [/YYYY-MM-DD|date/i, 'rule.date'],
  [/future/i, 'rule.futureDate'],
  [/mobile number or a landline/i, 'rule.phone'],
  [/mobile number/i, 'rule.mobile'],
  [/17 digits/i, 'rule.idCardFormat'],
  [/birth date in this ID-card/i, 'rule.idCardBirth'],
  [/check digit/i, 'rule.idCardCheck'],
  [/integer|number/i, 'rule.integer'],
];

export function ruleMessage(english: string): string {
  // "in the future" also mentions a date: test it first.
  if (/future/i.test(english)) return m('rule.futureDate');
  if (/birth date in this ID-card/i.test(english)) return m('rule.idCardBirth');
  const rule = RULES.find(([pattern]) => pattern.test(english));
  return m(rule ? rule[1] : 'rule.invalid');
}
