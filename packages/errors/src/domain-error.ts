import type { ErrorCode } from './error-codes.ts';

/** Values a message is filled with (`{max}`, `{status}`, …): plain data a client can show. */
export type ErrorParams = Record<string, string | number>;

/** One field's problem as clients receive it in `error.data.fields`. */
export interface FieldProblem {
  code: ErrorCode;
  params: ErrorParams;
}

/** What a failed call carries besides the tRPC code: `error.data` of the answer. */
export interface Problem {
  /** The domain code; `invalid_input` when the input's schema refused it. */
  reason: ErrorCode;
  params: ErrorParams;
  /** Per-field problems, keyed by the input's dotted path; null when no field is named. */
  fields: Record<string, FieldProblem> | null;
}

/**
 * The error a domain function throws: a code from the one list (`errorCodes`, which also
 * says the tRPC code it is answered with), the input field it concerns, if any, and the
 * values its message needs. The English `message` is for logs and developers; clients read
 * the code and translate it. `packages/trpc/src/errors.ts` turns it into a TRPCError once.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly code: ErrorCode;
  readonly field: string | null;
  readonly params: ErrorParams;

  constructor(code: ErrorCode, options: { field?: string; params?: ErrorParams; message?: string; cause?: unknown } = {}) {
    super(options.message ?? (options.field ? `Invalid input: ${options.field}: ${code}` : code), { cause: options.cause });
    this.code = code;
    this.field = options.field ?? null;
    this.params = options.params ?? {};
  }
}

/** A field that passed its schema but not a rule checked against data (BAD_REQUEST). */
export function badField(field: string, code: ErrorCode, params: ErrorParams = {}): DomainError {
  return new DomainError(code, { field, params });
}
