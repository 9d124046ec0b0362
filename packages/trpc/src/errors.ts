import { DomainError, errorCodes, isErrorCode, issueProblem, type FieldProblem, type Problem } from '@tongxin/errors';
import type { DefaultErrorShape } from '@trpc/server/unstable-core-do-not-import';
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';

/**
 * The one place a DomainError becomes a TRPCError (the base procedure calls it, so the HTTP
 * status is the code's): BAD_REQUEST when it names a field, else the code's own tRPC code.
 */
export function toTRPCError(error: DomainError): TRPCError {
  const code = error.field ? 'BAD_REQUEST' : errorCodes[error.code];
  return new TRPCError({ code, message: error.message, cause: error });
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
    for (const issue of error.cause.issues) fields[issue.path.join('.') || '(input)'] ??= issueProblem(issue, isErrorCode);
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
