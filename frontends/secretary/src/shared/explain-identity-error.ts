import { describeError } from '@tongxin/ui';

/**
 * Identity answers with stable English messages (the lead's contract: 'Outside your scope',
 * 'This account is already active', …); the page shows the ones it knows in the user's
 * language and falls back to the tRPC code's message for the rest.
 */
export function explainError(error: unknown, known: readonly (readonly [RegExp, () => string])[]): string {
  const message = error instanceof Error ? error.message : '';
  const hit = known.find(([pattern]) => pattern.test(message));
  return hit ? hit[1]() : describeError(error);
}
