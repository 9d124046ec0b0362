import { TRPCError } from '@trpc/server';

// SQLSTATE class 08 (connection exception) but 08P01, a protocol violation the driver's
// input caused (too many parameters); class 57P (operator intervention: shutdown, crash,
// "cannot connect now"); 53300 (too many connections).
const UNAVAILABLE_STATES = /^(08(?!P01)|57P|53300$)/;
// 55000 is "object not in prerequisite state": an outage only when it is the database
// refusing connections (ALTER DATABASE … ALLOW_CONNECTIONS false).
const REFUSING_CONNECTIONS = /not currently accepting connections/i;
const UNAVAILABLE_MESSAGES =
  /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|Connection terminated|is not queryable|timeout exceeded when trying to connect|PGlite is closed|Cannot use a pool after calling end|database did not answer/i;

/** True when the database could not be reached, rather than a query failing. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_STATES.test(code) || UNAVAILABLE_MESSAGES.test(code))) return true;
    if (code === '55000' && REFUSING_CONNECTIONS.test(e.message)) return true;
    if (UNAVAILABLE_MESSAGES.test(e.message)) return true;
    if (e instanceof AggregateError && e.errors.some(isDatabaseUnavailable)) return true;
  }
  return false;
}

/** A missing database is the caller's SERVICE_UNAVAILABLE (503), not an internal error. */
export function asServiceError(error: unknown): unknown {
  if (error instanceof TRPCError || !isDatabaseUnavailable(error)) return error;
  return new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'The database is unavailable: try again shortly', cause: error });
}
