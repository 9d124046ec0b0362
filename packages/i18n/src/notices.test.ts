import { describe, expect, it } from 'vitest';
import { renderNotice } from './notices.ts';

describe('renderNotice', () => {
  it('renders a stored notice in each reader’s language, with its parameters', () => {
    expect(renderNotice('zh-CN', 'task_approved', { task: '帮卖冰糖橙', points: 8 })).toEqual({ title: '任务“帮卖冰糖橙”的完成情况已审核通过', detail: '积分 8 分。' });
    expect(renderNotice('en', 'task_approved', { task: '帮卖冰糖橙', points: 8 })).toEqual({ title: 'Your completion of “帮卖冰糖橙” was approved', detail: '8 points.' });
    expect(renderNotice('zh-CN', 'suggestion_step', { step: 'declined', title: '修村道' })?.title).toBe('您的建言未被采纳：修村道');
    expect(renderNotice('en', 'checkin_grant_refused', { org: '汝城县驻广州流动党员党支部', reason: 'org_closed' })?.detail).toBe('The organization has been closed.');
  });

  it('a certificate ending soon reads as the holder’s own, or as a member’s of the branch', () => {
    expect(renderNotice('zh-CN', 'certificate_ending', { number: '永兴〔2026〕第012号', validUntil: '2027-01-05', holder: null })?.title).toBe('您的流动党员活动证将于 2027-01-05 到期');
    expect(renderNotice('zh-CN', 'certificate_ending', { number: '永兴〔2026〕第012号', validUntil: '2027-01-05', holder: '李明' })).toEqual({
      title: '李明的流动党员活动证将于 2027-01-05 到期', detail: '活动证 永兴〔2026〕第012号。请提醒党员按时返回交回，或到乡镇党委重新办理。',
    });
    expect(renderNotice('en', 'certificate_ending', { number: '永兴〔2026〕第012号', validUntil: '2027-01-05', holder: null })?.title).toBe('Your activity certificate ends on 2027-01-05');
  });

  it('a task without its title reads in general words', () => {
    expect(renderNotice('zh-CN', 'task_rejected', { task: null })?.title).toBe('您提交的任务完成情况被退回');
    expect(renderNotice('en', 'task_rejected', { task: '  ' })?.title).toBe('Your task completion was sent back');
  });

  it('an unknown notice or missing parameters give null, so the reader falls back to a stored title', () => {
    expect(renderNotice('zh-CN', 'from_a_newer_server', { x: 1 })).toBeNull();
    expect(renderNotice('en', 'report_reply', null)).toBeNull();
    expect(renderNotice('en', 'constructor', {})).toBeNull();
  });
});
