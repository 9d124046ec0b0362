import { defineMessages, errorText } from '@tongxin/i18n';
// The subpath, not the package: this file is pure logic, tested in Node without the components.
import { describeError, fieldMessages } from '@tongxin/ui/describe-error';

// The form's own checks before sending; the server's refusals come as codes (`fieldMessages`).
const r = defineMessages(
  {
    range: '请填写 {min}–{max} 之间的整数',
  },
  {
    range: 'A whole number from {min} to {max}',
  },
);

/** The local check's wording for an empty required field, the same as the server's `required`. */
export const requiredMessage = () => errorText('required');
export const integerRange = (min: number, max: number) => r('range', { min, max });

/** A failed action in words: the fields' problems when the server named them, else the error's kind. */
export function failureText(error: unknown): string {
  const fields = Object.values(fieldMessages(error));
  return fields.length > 0 ? fields.join('；') : describeError(error);
}
