import { defineMessages, format } from '@tongxin/i18n';

/**
 * What a share button says and the texts its card carries (issue 18), one home for every view
 * that shares: the member's and the secretary's. The card's own words are card-messages.ts,
 * loaded with the card.
 */
export const m = defineMessages(
  {
    share: '分享',
    shareLabel: '分享“{title}”',
    inviteLabel: '分享报到邀请：{org}',
    taskText: '【任务】{title}｜{org}发布，截止 {deadline}，{points} 分。打开链接或扫码认领：',
    meetingText: '【组织生活】{title}｜{time}。打开链接或扫码回复能否参加：',
    checkinText: '【报到】{org}欢迎在本地工作生活的流动党员来报到，报到后可以参加这里的组织生活和任务。打开链接或扫码报到：',
    checkinTextCity: '【报到】{org}（{city}）欢迎在本地工作生活的流动党员来报到，报到后可以参加这里的组织生活和任务。打开链接或扫码报到：',
  },
  {
    share: 'Share',
    shareLabel: 'Share “{title}”',
    inviteLabel: 'Share the check-in invitation: {org}',
    taskText: '[Task] {title} — from {org}, due {deadline}, {points} points. Open the link or scan the code to claim it:',
    meetingText: '[Meeting] {title} — {time}. Open the link or scan the code to say whether you can come:',
    checkinText: '[Check-in] {org} welcomes mobile party members who work or live here: check in with us to join our meetings and tasks. Open the link or scan the code to check in:',
    checkinTextCity: '[Check-in] {org} ({city}) welcomes mobile party members who work or live here: check in with us to join our meetings and tasks. Open the link or scan the code to check in:',
  },
);

// Deadlines and meeting times are the branch's, set in Beijing time: `format` reads them so,
// wherever the reader's phone is.

/** A task's text for the branch's group: its title, publisher, deadline (a date) and points. */
export const taskShareText = (task: { title: string; orgName: string; deadline: string | Date; points: number }) =>
  m('taskText', { title: task.title, org: task.orgName, deadline: format(new Date(task.deadline), { dateStyle: 'medium' }), points: format(task.points) });

/** A meeting's text: its title and when it starts (date and time). */
export const meetingShareText = (meeting: { title: string; startsAt: string | Date }) =>
  m('meetingText', { title: meeting.title, time: format(new Date(meeting.startsAt), { dateStyle: 'medium', timeStyle: 'short' }) });

/** A destination's invitation to check in with it, naming its city when it has one. */
export const checkinShareText = (org: { name: string; city?: string | null }) =>
  org.city ? m('checkinTextCity', { org: org.name, city: org.city }) : m('checkinText', { org: org.name });

/** The share button's accessible name: what it shares. */
export const shareLabel = (title: string) => m('shareLabel', { title });
export const inviteLabel = (org: string) => m('inviteLabel', { org });
