import { createSignal } from 'solid-js';
import { fieldErrors } from '@tongxin/api-client';
import { fieldMessages } from './describe-error.ts';
import { createAttemptKeys } from './idempotency-key.ts';

/**
 * A mutation a button or form starts: one idempotency key per attempt (reused when the
 * same input is sent again after a failure), a pending flag that blocks double taps, and
 * the last failure with its per-field problems: `fields()` in words, `codes()` as the server's codes.
 */
export function createAction<I, O>(send: (input: I, idempotencyKey: string) => Promise<O>) {
  const keys = createAttemptKeys();
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);

  /** `{ output }` when it succeeded (the output may itself be empty), null when it did not. */
  async function run(input: I): Promise<{ output: O } | null> {
    if (pending()) return null;
    setPending(true);
    setError(null);
    try {
      const output = await send(input, keys.keyFor(input));
      keys.done();
      return { output };
    } catch (failure) {
      setError(failure);
      return null;
    } finally {
      setPending(false);
    }
  }

  return { run, pending, error, fields: () => fieldMessages(error()), codes: () => fieldErrors(error()), reset: () => setError(null) };
}
