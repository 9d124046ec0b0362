import { defineMessages } from '@tongxin/i18n';

/** The inbox's words: loaded with the inbox. */
export const m = defineMessages(
  {
    title: '我的消息',
    empty: '没有消息。',
    unreadOnly: '只看未读',
    markAllRead: '全部标为已读',
    markingAll: '正在标记…',
    markRead: '标为已读',
    markedAll: '已全部标为已读。',
    unread: '未读',
    official: '正式通知',
    'kind.reminder': '提醒',
    'kind.acknowledgement': '月报回复',
    'kind.checkin_decision': '报到结果',
    'kind.reply': '回复',
    'kind.contact_task': '联系任务',
    'kind.task_review': '任务审核',
    open: '查看',
  },
  {
    title: 'My inbox',
    empty: 'No messages.',
    unreadOnly: 'Unread only',
    markAllRead: 'Mark all as read',
    markingAll: 'Marking…',
    markRead: 'Mark as read',
    markedAll: 'All marked as read.',
    unread: 'Unread',
    official: 'Official notice',
    'kind.reminder': 'Reminder',
    'kind.acknowledgement': 'Report reply',
    'kind.checkin_decision': 'Check-in decision',
    'kind.reply': 'Reply',
    'kind.contact_task': 'Contact task',
    'kind.task_review': 'Task review',
    open: 'Open',
  },
);
export type InboxMessageKey = Parameters<typeof m>[0];
