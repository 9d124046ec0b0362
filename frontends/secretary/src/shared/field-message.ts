import { defineMessages } from '@tongxin/i18n';
import { fieldErrors } from '@tongxin/api-client';
// The subpath, not the package: this file is pure logic, tested in Node without the components.
import { describeError } from '@tongxin/ui/describe-error';

const r = defineMessages(
  {
    required: '请填写此项',
    atLeast: '不能小于 {n}',
    above: '应大于 {n}',
    atMost: '不能大于 {n}',
    below: '应小于 {n}',
    minChars: '至少 {n} 个字',
    maxChars: '最多 {n} 个字',
    integer: '请填写整数',
    number: '请填写数字',
    date: '请填写有效的日期和时间',
    future: '截止时间应晚于现在',
    invalid: '请检查此项',
    range: '请填写 {min}–{max} 之间的整数',
    quotaTaken: '已有 {n} 人认领，上限不能少于 {n} 人',
    quotaPassed: '认领的人数已超过这个上限，请调高',
    closed: '任务已结束，不能再修改',
    deadlinePassed: '截止时间已过，请先设置新的截止时间',
  },
  {
    required: 'Please fill this in',
    atLeast: 'At least {n}',
    above: 'More than {n}',
    atMost: 'At most {n}',
    below: 'Less than {n}',
    minChars: 'At least {n} characters',
    maxChars: 'At most {n} characters',
    integer: 'A whole number',
    number: 'A number',
    date: 'A valid date and time',
    future: 'The deadline must be in the future',
    invalid: 'Please check this field',
    range: 'A whole number from {min} to {max}',
    quotaTaken: '{n} members have claimed it: the limit cannot be lower than {n}',
    quotaPassed: 'More members have claimed it than this limit: raise it',
    closed: 'The task is closed and can no longer be changed',
    deadlinePassed: 'The deadline has passed: set a new one first',
  },
);

// The server's field errors are zod's English messages or short rule sentences; the form
// shows them in the user's language, next to the field. An unknown one is shown as sent.
const RULES: [RegExp, (match: RegExpMatchArray) => string][] = [
  [/^(\d+) members have already claimed it/i, (mm) => r('quotaTaken', { n: mm[1]! })],
  [/more members have claimed it than/i, () => r('quotaPassed')],
  [/^closed$/i, () => r('closed')],
  [/deadline has passed/i, () => r('deadlinePassed')],
  [/expected number to be >=\s*(-?[\d.]+)/i, (mm) => r('atLeast', { n: mm[1]! })],
  [/expected number to be >\s*(-?[\d.]+)/i, (mm) => r('above', { n: mm[1]! })],
  [/expected number to be <=\s*(-?[\d.]+)/i, (mm) => r('atMost', { n: mm[1]! })],
  [/expected number to be <\s*(-?[\d.]+)/i, (mm) => r('below', { n: mm[1]! })],
  [/expected string to have >=\s*(\d+)/i, (mm) => (mm[1] === '1' ? r('required') : r('minChars', { n: mm[1]! }))],
  [/expected string to have <=\s*(\d+)/i, (mm) => r('maxChars', { n: mm[1]! })],
  [/received (undefined|null)|required|must not be empty/i, () => r('required')],
  [/expected int/i, () => r('integer')],
  [/expected number/i, () => r('number')],
  [/future/i, () => r('future')],
  [/datetime|\bdate\b/i, () => r('date')],
  [/negative/i, () => r('atLeast', { n: 0 })],
  [/from (-?\d+) to (-?\d+)/i, (mm) => r('range', { min: mm[1]!, max: mm[2]! })],
  [/has (\d+) months/i, (mm) => r('atMost', { n: mm[1]! })],
  [/whole|integer/i, () => r('integer')],
  [/^say why|reason/i, () => r('required')],
];

export function fieldMessage(message: string | undefined): string | undefined {
  if (!message) return undefined;
  for (const [pattern, say] of RULES) {
    const match = message.match(pattern);
    if (match) return say(match);
  }
  return /^Invalid/i.test(message) ? r('invalid') : message;
}

/** The local check's wording for an empty required field. */
export const requiredMessage = () => r('required');
export const integerRange = (min: number, max: number) => r('range', { min, max });

/** A failed action in words: the fields' rules when the server named them, else the error's kind. */
export function failureText(error: unknown): string {
  const fields = Object.values(fieldErrors(error));
  return fields.length > 0 ? fields.map((message) => fieldMessage(message)).join('；') : describeError(error);
}
