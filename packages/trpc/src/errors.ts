import { DomainError, errorCodes, type ErrorParams, type FieldProblem, type Problem } from '@tongxin/errors';
import type { DefaultErrorShape } from '@trpc/server/unstable-core-do-not-import';
import { TRPCError } from '@trpc/server';
import { ZodError, type z } from 'zod';

/**
 * The one place a DomainError becomes a TRPCError (the base procedure calls it, so the HTTP
 * status is the code's): BAD_REQUEST when it names a field, else the code's own tRPC code.
 */
export function toTRPCError(error: DomainError): TRPCError {
  const code = error.field ? 'BAD_REQUEST' : errorCodes[error.code];
  return new TRPCError({ code, message: error.message, cause: error });
}

/** A zod issue as a field code and the values its message needs; zod's English stays in `message`. */
function issueProblem(issue: z.core.$ZodIssue): FieldProblem {
  const bound = (value: unknown) => (typeof value === 'bigint' ? Number(value) : (value as number));
  switch (issue.code) {
    case 'too_small': {
      const min = bound(issue.minimum);
      if (issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set') {
        return min <= 1 ? { code: 'required', params: {} } : { code: 'too_short', params: { min } };
      }
      return { code: 'too_small', params: { min, inclusive: issue.inclusive === false ? 0 : 1 } };
    }
    case 'too_big': {
      const max = bound(issue.maximum);
      if (issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set') return { code: 'too_long', params: { max } };
      return { code: 'too_large', params: { max, inclusive: issue.inclusive === false ? 0 : 1 } };
    }
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return { code: 'required', params: {} };
      if (issue.expected === 'int') return { code: 'not_integer', params: {} };
      return { code: 'invalid_value', params: {} };
    case 'invalid_format':
      return { code: 'invalid_format', params: { format: issue.format } };
    case 'custom': {
      // A refinement names its code in `params.code` (`.refine(check, { params: { code } })`).
      const code = issue.params?.['code'];
      if (typeof code === 'string' && Object.hasOwn(errorCodes, code)) return { code: code as FieldProblem['code'], params: (issue.params?.['values'] as ErrorParams | undefined) ?? {} };
      return { code: 'invalid_value', params: {} };
    }
    default:
      return { code: 'invalid_value', params: {} };
  }
}

/**
 * What clients read of a failure, in `error.data` beside tRPC's own `code`: the domain code
 * (`reason`), its parameters, and each field's code with its parameters (`fields`). Clients
 * translate these; `message` stays English for logs and developers.
 */
export function formatError({ shape, error }: { shape: DefaultErrorShape; error: { cause?: unknown; code: string } }) {
  let problem: Problem = { reason: null as unknown as Problem['reason'], params: {}, fields: null };
  let message = shape.message;
  if (error.code === 'BAD_REQUEST' && error.cause instanceof ZodError) {
    const fields: Record<string, FieldProblem> = {};
    for (const issue of error.cause.issues) fields[issue.path.join('.') || '(input)'] ??= issueProblem(issue);
    const details: Record<string, string> = {};
    for (const issue of error.cause.issues) details[issue.path.join('.') || '(input)'] ??= issue.message;
    message = `Invalid input: ${Object.entries(details).map(([f, m]) => `${f}: ${m}`).join('; ')}`;
    problem = { reason: 'invalid_input', params: {}, fields };
  } else if (error.cause instanceof DomainError) {
    const { code, field, params } = error.cause;
    problem = field ? { reason: code, params, fields: { [field]: { code, params } } } : { reason: code, params, fields: null };
  }
  // An unexpected error's message can hold SQL and its parameters: it stays in the server.
  if (error.code === 'INTERNAL_SERVER_ERROR') message = 'Internal server error';
  return { ...shape, message, data: { ...shape.data, reason: problem.reason as Problem['reason'] | null, params: problem.params, fields: problem.fields } };
}
