import { identity } from '@tongxin/api-client';
import { describeError } from '@tongxin/ui';
import { m } from '../messages.ts';

/** The wizard's state as `setup.get` returns it (inferred from identity's AppRouter). */
export type SetupState = Awaited<ReturnType<typeof identity.setup.get.query>>;
export type Checklist = SetupState['checklist'];

/** What every step's body gets: the state, and a way to read it again after a change. */
export interface StepProps {
  state: SetupState;
  onChanged: () => void;
}

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
