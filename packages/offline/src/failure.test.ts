import { describe, expect, it } from 'vitest';
import { failureAction, refusalOf, retryDelayMs } from './failure.ts';

/** A failed tRPC call as the client sees it (`error.data`), or a fetch that got no answer. */
const answered = (code: string, extra: Record<string, unknown> = {}) => ({ data: { code, ...extra } });
const noAnswer = { cause: new TypeError('Failed to fetch') };

describe('what happens to a queued write whose sending failed (issue 18)', () => {
  it('no answer waits for the network; an ended session waits for the next login', () => {
    expect(failureAction(noAnswer)).toBe('offline');
    expect(failureAction(answered('UNAUTHORIZED'))).toBe('session');
  });

  it('a server error is retried, backing off from 5 s to at most 10 minutes', () => {
    expect(failureAction(answered('INTERNAL_SERVER_ERROR'))).toBe('retry');
    expect(failureAction(answered('TOO_MANY_REQUESTS'))).toBe('retry');
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(retryDelayMs(30)).toBe(600_000);
  });

  it('a validation error or a refusal is never retried, and keeps the code to say on the item', () => {
    for (const code of ['BAD_REQUEST', 'CONFLICT', 'FORBIDDEN', 'NOT_FOUND']) expect(failureAction(answered(code)), code).toBe('refused');
    const full = answered('BAD_REQUEST', { reason: 'invalid_input', fields: { taskId: { code: 'task_full', params: {} } } });
    expect(refusalOf(full)).toEqual({ code: 'task_full', params: {} });
    expect(refusalOf(answered('BAD_REQUEST', { reason: 'period_closed', params: { period: '2026-11' } }))).toEqual({ code: 'period_closed', params: { period: '2026-11' } });
  });
});
