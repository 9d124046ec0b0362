import { setLocale } from '@tongxin/i18n';
import { ZPastDate } from '@tongxin/ledger';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldMessages, issueMessages, problemMessage } from './describe-error.ts';

// A failed call as the tRPC client hands it over: `data` is what packages/trpc/src/errors.ts formats.
const failure = (data: object) => Object.assign(new Error('English for developers'), { data });

describe('error codes in the reader’s language', () => {
  afterEach(() => setLocale('zh-CN'));

  it('turns each field’s code into its message, filling the parameters, in Chinese by default', async () => {
    const error = failure({
      code: 'BAD_REQUEST', reason: 'invalid_input', params: {},
      fields: { title: { code: 'too_long', params: { max: 80 } }, quota: { code: 'quota_below_claims', params: { count: 6 } }, summary: { code: 'required', params: {} } },
    });
    expect(fieldMessages(error)).toEqual({ title: '内容太长，最多 80 个字', quota: '已有 6 人认领，上限不能少于 6 人', summary: '请填写此项' });
    await setLocale('en');
    expect(fieldMessages(error)).toEqual({ title: 'At most 80 characters', quota: '6 members have claimed it: the limit cannot be lower', summary: 'Please fill this in' });
  });

  it('says a field-less refusal by its code, a schema refusal and a transport failure by their kind', () => {
    expect(problemMessage(failure({ code: 'CONFLICT', reason: 'division_code_taken', params: {}, fields: null }))).toBe('该区划代码已被使用');
    expect(problemMessage(failure({ code: 'TOO_MANY_REQUESTS', reason: 'account_locked', params: {}, fields: null }))).toBe('失败次数过多，账号已锁定 15 分钟，请稍后再试');
    expect(problemMessage(failure({ code: 'BAD_REQUEST', reason: 'invalid_input', params: {}, fields: { x: { code: 'required', params: {} } } }))).toBe('提交的内容有误，请检查后再试');
    expect(problemMessage(Object.assign(new Error('fetch failed'), { cause: new TypeError('offline') }))).toBe('网络连接中断，请检查网络后重试');
  });

  it('reads a code it does not know (a newer server) as "check this field", never as the server’s English', () => {
    expect(fieldMessages(failure({ code: 'BAD_REQUEST', reason: 'brand_new', params: {}, fields: { x: { code: 'brand_new', params: {} } } }))).toEqual({ x: '请检查此项' });
  });

  it('says a form’s own schema check in the same words as the server’s answer', () => {
    const schema = z.object({ name: z.string().trim().min(1).max(40), joinedOn: ZPastDate });
    const result = schema.safeParse({ name: '', joinedOn: '2999-01-01' });
    expect(issueMessages(result.error!.issues)).toEqual({ name: '请填写此项', joinedOn: '日期不能晚于今天' });
    expect(issueMessages(schema.safeParse({ name: 'x'.repeat(41), joinedOn: '2020-02-30' }).error!.issues)).toEqual({ name: '内容太长，最多 40 个字', joinedOn: '请填写日期，例如 2024-03-01' });
  });

});
