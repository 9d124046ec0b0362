import { describe, expect, it } from 'vitest';
import { explainError } from './explain-identity-error.ts';
import { failureText } from './field-message.ts';

const failure = (data: object) => Object.assign(new Error('English for developers'), { data });

describe('a page’s words for the codes it knows', () => {
  const known = { phone_taken: () => '该手机号已有账号' };

  it('says a known code its own way, any other by the kind of failure, never the server’s English', () => {
    expect(explainError(failure({ code: 'CONFLICT', reason: 'phone_taken', params: {}, fields: null }), known)).toBe('该手机号已有账号');
    expect(explainError(failure({ code: 'CONFLICT', reason: 'already_appointed', params: {}, fields: null }), known)).toBe('内容已被修改，请刷新后再试');
  });

  it('says every field the server named, with its parameters', () => {
    const error = failure({ code: 'BAD_REQUEST', reason: 'quota_below_claims', params: { count: 3 }, fields: { quota: { code: 'quota_below_claims', params: { count: 3 } } } });
    expect(failureText(error)).toBe('已有 3 人认领，上限不能少于 3 人');
  });
});
