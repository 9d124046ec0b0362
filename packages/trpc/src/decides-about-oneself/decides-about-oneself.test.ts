import { describe, expect, it } from 'vitest';
import { DECIDES_ABOUT_ONESELF, refuseDecidingAboutOneself } from './index.ts';

describe('nobody decides about themself', () => {
  it('refuses a decision about the caller’s own record: FORBIDDEN with the stable message', () => {
    expect(() => refuseDecidingAboutOneself('u-1', 'u-1')).toThrow(expect.objectContaining({ code: 'FORBIDDEN', message: DECIDES_ABOUT_ONESELF }));
  });
  it('lets the caller decide about someone else, or about a member without an account', () => {
    expect(() => refuseDecidingAboutOneself('u-1', 'u-2')).not.toThrow();
    expect(() => refuseDecidingAboutOneself('u-1', null)).not.toThrow();
  });
});
