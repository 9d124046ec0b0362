import { defineMessages } from '@tongxin/i18n';

/** The member view's words for sharing a task or a meeting (issue 18); the card's own are @tongxin/ui/share's. */
export const m = defineMessages(
  {
    share: '分享',
    shareTask: '分享“{title}”',
    shareMeeting: '分享“{title}”',
    taskText: '【任务】{title}｜{org}发布，截止 {deadline}，{points} 分。打开链接或扫码认领：',
    meetingText: '【组织生活】{title}｜{time}。打开链接或扫码回复能否参加：',
  },
  {
    share: 'Share',
    shareTask: 'Share “{title}”',
    shareMeeting: 'Share “{title}”',
    taskText: '[Task] {title} — from {org}, due {deadline}, {points} points. Open the link or scan the code to claim it:',
    meetingText: '[Meeting] {title} — {time}. Open the link or scan the code to say whether you can come:',
  },
);
