import { errorKind, errorReason, fieldErrors } from '@tongxin/api-client';

/**
 * What to do with a queued write whose sending failed (issue 18):
 * - `offline`: no answer (no network, server unreachable): wait for the network;
 * - `session`: the session ended: keep it and send it after the member logs in again;
 * - `retry`: a server error or too many requests: try again later, backing off;
 * - `refused`: the server said no (bad input, the task full, the month closed, not allowed):
 *   never sent again, shown on the item in words.
 */
export type FailureAction = 'offline' | 'session' | 'retry' | 'refused';

export function failureAction(error: unknown): FailureAction {
  switch (errorKind(error)) {
    case 'network':
      return 'offline';
    case 'UNAUTHORIZED':
      return 'session';
    case 'server':
    case 'TOO_MANY_REQUESTS':
      return 'retry';
    default:
      return 'refused';
  }
}

/** The refusal to keep on the item: a field's code first (a claim's `task_full`), else the call's reason. */
export function refusalOf(error: unknown): { code: string; params?: Record<string, unknown> } {
  const field = Object.values(fieldErrors(error))[0];
  if (field) return { code: field.code, params: field.params as Record<string, unknown> | undefined };
  const reason = errorReason(error);
  return reason ? { code: reason.code, params: reason.params as Record<string, unknown> } : { code: errorKind(error) };
}

/** Backoff after the n-th server error in a row: 5 s, 10 s, 20 s … at most 10 minutes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 600_000);
}
