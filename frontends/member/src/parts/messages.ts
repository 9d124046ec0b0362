import { defineMessages } from '@tongxin/i18n';

/** Words every lazily loaded section shares (never on the first screen), the kinds of meeting among them. */
export const m = defineMessages(
  {
    required: '此项不能为空',
    tooLong: '内容太长，最多 {max} 个字',
    checkField: '请检查此项',
    fixFields: '有 {count} 项需要修改，请查看标红的项目。',
    retryHint: '网络不稳定时可以再次提交，不会重复提交。',
    counter: '{n}/{max} 字',
    cancel: '取消',
    back: '返回',
    empty: '暂无记录。',
    'meeting.members_meeting': '党员大会',
    'meeting.branch_committee': '支委会',
    'meeting.party_group': '党小组会',
    'meeting.party_lecture': '党课',
    'meeting.themed_party_day': '主题党日',
    'meeting.organizational_life': '组织生活会',
    'meeting.democratic_appraisal': '民主评议党员',
  },
  {
    required: 'This must not be empty',
    tooLong: 'Too long: at most {max} characters',
    checkField: 'Please check this field',
    fixFields: '{count} field(s) need a fix: see the fields marked in red.',
    retryHint: 'On a poor connection you can send again: it will not be sent twice.',
    counter: '{n}/{max} characters',
    cancel: 'Cancel',
    back: 'Back',
    empty: 'Nothing yet.',
    'meeting.members_meeting': 'Party members\' meeting',
    'meeting.branch_committee': 'Branch committee',
    'meeting.party_group': 'Party group',
    'meeting.party_lecture': 'Party lecture',
    'meeting.themed_party_day': 'Themed party day',
    'meeting.organizational_life': 'Organizational-life meeting',
    'meeting.democratic_appraisal': 'Democratic appraisal',
  },
);
export type PartsMessageKey = Parameters<typeof m>[0];
