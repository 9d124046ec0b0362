import { errorReason } from '@tongxin/api-client';
import { describeError } from '@tongxin/ui';
import { m } from './messages.ts';

/** Identity's setup refusals (PRECONDITION_FAILED) by their error code; the rest by kind. */
export function explainSetupError(error: unknown): string {
  const reason = errorReason(error)?.code;
  if (reason === 'not_ready_to_go_live') return m('live.notReady');
  if (reason === 'acknowledge_first') return m('live.notAcknowledged');
  if (reason === 'sms_keys_unavailable') return m('sms.cannotKeep');
  return describeError(error);
}
