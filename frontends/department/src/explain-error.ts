import { describeError } from '@tongxin/ui';
import { m } from './messages.ts';

/**
 * Identity's refusals that have no tRPC code of their own in our vocabulary
 * (PRECONDITION_FAILED), by their stable English message; the rest by code.
 */
export function explainSetupError(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  if (/^Not ready to go live/i.test(message)) return m('live.notReady');
  if (/^Acknowledge first/i.test(message)) return m('live.notAcknowledged');
  if (/cannot keep SMS keys/i.test(message)) return m('sms.cannotKeep');
  return describeError(error);
}
