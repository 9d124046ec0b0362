import { defineMessages } from '@tongxin/i18n';

/** Words every lazily loaded section shares (never on the first screen). */
export const m = defineMessages(
  {
    required: '此项不能为空',
    tooLong: '内容太长，最多 {max} 个字',
    checkField: '请检查此项',
    fixFields: '有 {count} 项需要修改，请查看标红的项目。',
    retryHint: '网络不稳定时可以再次提交，不会重复提交。',
    counter: '{n}/{max} 字',
    optional: '（选填）',
    cancel: '取消',
    back: '返回',
    empty: '暂无记录。',
  },
  {
    required: 'This must not be empty',
    tooLong: 'Too long: at most {max} characters',
    checkField: 'Please check this field',
    fixFields: '{count} field(s) need a fix: see the fields marked in red.',
    retryHint: 'On a poor connection you can send again: it will not be sent twice.',
    counter: '{n}/{max} characters',
    optional: '(optional)',
    cancel: 'Cancel',
    back: 'Back',
    empty: 'Nothing yet.',
  },
);
