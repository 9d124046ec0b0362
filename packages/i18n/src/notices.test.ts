import { describe, expect, it } from 'vitest';
import { renderNotice } from './notices.ts';

describe('renderNotice', () => {
  it('renders a stored notice in each reader’s language, with its parameters', () => {
    expect(renderNotice('zh-CN', 'task_approved', { task: '帮卖冰糖橙', points: 8 })).toEqual({ title: '任务“帮卖冰糖橙”的完成情况已审核通过', detail: '积分 8 分。' });
    expect(renderNotice('en', 'task_approved', { task: '帮卖冰糖橙', points: 8 })).toEqual({ title: 'Your completion of “帮卖冰糖橙” was approved', detail: '8 points.' });
    expect(renderNotice('zh-CN', 'suggestion_step', { step: 'declined', title: '修村道' })?.title).toBe('您的建言未被采纳：修村道');
    expect(renderNotice('en', 'checkin_grant_refused', { org: '汝城县驻广州流动党员党支部', reason: 'org_closed' })?.detail).toBe('The organization has been closed.');
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
