import { setLocale } from '@tongxin/i18n';
import { afterEach, describe, expect, it } from 'vitest';
import { checkinLink, meetingLink, taskLink } from './share-link.ts';
import { checkinShareText, inviteLabel, meetingShareText, shareLabel, taskShareText } from './share-messages.ts';

const ORIGIN = 'https://tongxin.example.cn';
// 2026-12-07 15:00 UTC is 12-07 23:00 in Beijing; 16:30 UTC is already 12-08 00:30 there.
const task = { title: '帮村里销售冰糖橙', orgName: '龙潭村党支部', deadline: '2026-12-07T16:30:00Z', points: 1200 };
const meeting = { title: '十二月主题党日', startsAt: new Date('2026-12-07T16:30:00Z') };

describe('the texts a share card posts in the branch group', () => {
  afterEach(() => setLocale('zh-CN'));

  it('say a task by its title, publisher, deadline on Beijing time and points, in Chinese by default', async () => {
    expect(taskShareText(task)).toBe('【任务】帮村里销售冰糖橙｜龙潭村党支部发布，截止 2026年12月8日，1,200 分。打开链接或扫码认领：');
    await setLocale('en');
    expect(taskShareText(task)).toBe('[Task] 帮村里销售冰糖橙 — from 龙潭村党支部, due Dec 8, 2026, 1,200 points. Open the link or scan the code to claim it:');
  });

  it('say a meeting by its title and its start on Beijing time', async () => {
    expect(meetingShareText(meeting)).toMatch(/^【组织生活】十二月主题党日｜2026年12月8日 00:30。打开链接或扫码回复能否参加：$/);
    await setLocale('en');
    expect(meetingShareText(meeting)).toMatch(/^\[Meeting\] 十二月主题党日 — Dec 8, 2026, 12:30\sAM\. Open the link/);
  });

  it('invite members to check in with a destination, naming its city only when it has one', async () => {
    expect(checkinShareText({ name: '永兴县驻广州流动党员党支部', city: '广州市' })).toMatch(/^【报到】永兴县驻广州流动党员党支部（广州市）欢迎/);
    expect(checkinShareText({ name: '永兴县驻广州流动党员党支部', city: null })).toMatch(/^【报到】永兴县驻广州流动党员党支部欢迎/);
    await setLocale('en');
    expect(checkinShareText({ name: 'Flow branch', city: 'Guangzhou' })).toMatch(/^\[Check-in\] Flow branch \(Guangzhou\) welcomes/);
  });

  it('name what each button shares for a screen reader', async () => {
    expect(shareLabel('帮村里销售冰糖橙')).toBe('分享“帮村里销售冰糖橙”');
    expect(inviteLabel('流动党员党支部')).toBe('分享报到邀请：流动党员党支部');
    await setLocale('en');
    expect(shareLabel('Oranges')).toBe('Share “Oranges”');
  });
});

describe('the links a share card carries', () => {
  it('open that task, meeting or check-in page of the member view on the county’s own address', () => {
    expect(taskLink('431023', 'task-1', ORIGIN)).toBe(`${ORIGIN}/member?page=tasks&task=431023%2Ftask-1`);
    expect(meetingLink('meeting-1', ORIGIN)).toBe(`${ORIGIN}/member?page=meetings&meeting=meeting-1`);
  });

  it('name a destination by tenant and org id, its city and name only when known', () => {
    const bare = new URL(checkinLink('431023', 'org-9', {}, ORIGIN));
    expect(bare.pathname).toBe('/member');
    expect(Object.fromEntries(bare.searchParams)).toEqual({ page: 'checkin', tenant: '431023', org: 'org-9' });
    const placed = new URL(checkinLink('431023', 'org-9', { city: '广州市', name: '驻广州流动党员党支部' }, ORIGIN));
    expect(Object.fromEntries(placed.searchParams)).toEqual({ page: 'checkin', tenant: '431023', org: 'org-9', city: '广州市', name: '驻广州流动党员党支部' });
  });
});
