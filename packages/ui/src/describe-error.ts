import { errorKind } from '@tongxin/api-client';
import { t } from '@tongxin/i18n';

/** The readable message for any failed call, in the current language. */
export function describeError(error: unknown): string {
  return t(`error.${errorKind(error)}`);
}
