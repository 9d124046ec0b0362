import { createSignal } from 'solid-js';
import { errorKind } from '@tongxin/api-client';
import { fieldMessages, issueMessages } from '@tongxin/ui/describe-error';
import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

/** Field → readable message from a failed zod parse (client-side, before sending). */
export function issuesOf(error: z.ZodError): FieldErrors {
  return issueMessages(error.issues);
}

/**
 * One form's sending state. Every attempt carries an idempotency key, created for a payload
 * and reused when the same payload is sent again (a retry after a lost answer can't
 * register the change twice); a different payload gets a new key.
 * Server field errors arrive as `ledger.employer`; `prefix` strips the form's namespace.
 */
export function createSubmission<P, R>(send: (payload: P, idempotencyKey: string) => Promise<R>, options?: { prefixes?: string[] }) {
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const [fields, setFields] = createSignal<FieldErrors>({});
  const [done, setDone] = createSignal(false);
  let attempt: { payload: string; key: string } | undefined;

  const strip = (field: string) => {
    for (const prefix of options?.prefixes ?? []) if (field.startsWith(prefix)) return field.slice(prefix.length);
    return field;
  };

  async function submit(payload: P): Promise<R | undefined> {
    const text = JSON.stringify(payload);
    if (attempt?.payload !== text) attempt = { payload: text, key: crypto.randomUUID() };
    setPending(true);
    setError(undefined);
    setFields({});
    setDone(false);
    try {
      const result = await send(payload, attempt.key);
      attempt = undefined;
      setDone(true);
      return result;
    } catch (failure) {
      setError(failure);
      if (errorKind(failure) === 'BAD_REQUEST') {
        const named: FieldErrors = {};
        for (const [field, message] of Object.entries(fieldMessages(failure))) named[strip(field)] = message;
        setFields(named);
      }
      return undefined;
    } finally {
      setPending(false);
    }
  }

  /** Client-side rule failures: shown like the server's, nothing sent. */
  function reject(invalid: FieldErrors) {
    setError(undefined);
    setDone(false);
    setFields(invalid);
  }

  return { submit, reject, pending, error, fields, done };
}

/** What a form's footer shows of a submission. */
export interface SubmissionState {
  pending: () => boolean;
  error: () => unknown;
  fields: () => FieldErrors;
}
