import { errorReason } from '@tongxin/api-client';
import type { ErrorCode } from '@tongxin/errors';
import { describeError } from '@tongxin/ui/describe-error';

/** A page's own words for some error codes (`@tongxin/errors`). */
export type KnownErrors = Partial<Record<ErrorCode, () => string>>;

/**
 * A failed identity call in words: the codes the page words itself, else the shared
 * message for the kind of failure.
 */
export function explainError(error: unknown, known: KnownErrors): string {
  const reason = errorReason(error);
  const say = reason ? known[reason.code] : undefined;
  return say ? say() : describeError(error);
}
