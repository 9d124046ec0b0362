import { TRPCError } from '@trpc/server';

// SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown).
const UNAVAILABLE_STATES = /^(08|57P)/;
const UNAVAILABLE_MESSAGES = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|Connection terminated|PGlite is closed|Cannot use a pool after calling end|database did not answer/i;

/** True when the database could not be reached, rather than a query failing. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_STATES.test(code) || UNAVAILABLE_MESSAGES.test(code))) return true;
    if (UNAVAILABLE_MESSAGES.test(e.message)) return true;
  }
  return false;
}

/** A missing database is the caller's SERVICE_UNAVAILABLE (503), not an internal error. */
export function asServiceError(error: unknown): unknown {
  if (error instanceof TRPCError || !isDatabaseUnavailable(error)) return error;
  return new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'The database is unavailable: try again shortly', cause: error });
}
