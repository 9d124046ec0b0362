import { defineMessages } from '@tongxin/i18n';

/** The ledger form's words: loaded with the form, not on the first screen. */
export const m = defineMessages(
  {
    editTitle: '修改信息台账',
    saved: '已保存 {count} 项修改。',
    nothingChanged: '没有改动，无需保存。',
    editHint: '只会提交您改动过的内容。清空某项即表示该项已不适用。',
    save: '保存',
    saving: '正在保存…',
    cancel: '取消',
    fixFields: '有 {count} 项需要修改，请查看标红的项目。',
    retryHint: '网络不稳定时可以再次点击保存，不会重复提交。',
    'rule.required': '此项不能为空',
    'rule.tooLong': '内容太长，最多 {max} 个字',
    'rule.phone': '请填写手机号（1 开头的 11 位数字）或带区号的固定电话',
    'rule.date': '请填写日期，例如 2024-03-01',
    'rule.futureDate': '日期不能晚于今天',
    'rule.other': '请检查此项',
  },
  {
    editTitle: 'Edit my ledger',
    saved: 'Saved {count} change(s).',
    nothingChanged: 'Nothing changed, nothing to save.',
    editHint: 'Only what you change is sent. Clear a field when it no longer applies.',
    save: 'Save',
    saving: 'Saving…',
    cancel: 'Cancel',
    fixFields: '{count} field(s) need a fix: see the fields marked in red.',
    retryHint: 'On a poor connection you can tap Save again: it will not be saved twice.',
    'rule.required': 'This must not be empty',
    'rule.tooLong': 'Too long: at most {max} characters',
    'rule.phone': 'A mobile number (11 digits starting with 1) or a landline with its area code',
    'rule.date': 'A date, for example 2024-03-01',
    'rule.futureDate': 'The date cannot be later than today',
    'rule.other': 'Please check this field',
  },
);
