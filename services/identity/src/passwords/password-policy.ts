import { z } from 'zod';

/** Issue 3: at least 10 characters and not one of the passwords everyone tries first. */
export const MIN_PASSWORD_LENGTH = 10;

// A short list on purpose: the length rule already rules out most of the top-10k list.
const COMMON = new Set([
  '1234567890', '0123456789', '12345678910', 'qwertyuiop', 'password123', 'password12', 'passw0rd123',
  'iloveyou123', 'abcdefghij', 'abc1234567', 'qwerty1234', '1qaz2wsx3edc', '1q2w3e4r5t', 'aaaaaaaaaa',
  '1111111111', '0000000000', '8888888888', '5201314520', 'woaini1314', 'a123456789', 'zxcvbnm123',
  'admin12345', 'welcome123', 'qazwsxedc123', '1234qwerasdf', 'tongxin123', 'tongxin2026',
]);

/** Why the password is refused (an error code), or null when it is acceptable. */
export function passwordProblem(password: string): 'password_too_short' | 'password_common' | null {
  if (password.length < MIN_PASSWORD_LENGTH) return 'password_too_short';
  if (COMMON.has(password.toLowerCase())) return 'password_common';
  return null;
}

const PROBLEM_TEXT = { password_too_short: `must be at least ${MIN_PASSWORD_LENGTH} characters`, password_common: 'is too common: choose another' };

/** A new password in any input (activation, invitation, reset, setup): BAD_REQUEST naming the field. */
export const ZNewPassword = z.string().max(256).superRefine((value, check) => {
  const problem = passwordProblem(value);
  if (problem) check.addIssue({ code: 'custom', message: `The password ${PROBLEM_TEXT[problem]}`, params: { code: problem, values: { min: MIN_PASSWORD_LENGTH } } });
});
