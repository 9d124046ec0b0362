import type { DefaultErrorShape } from '@trpc/server/unstable-core-do-not-import';
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';

/** The cause of a BAD_REQUEST raised by a procedure (not its schema), naming the field. */
class FieldError extends Error {
  constructor(readonly fields: Record<string, string>) {
    super(Object.entries(fields).map(([f, m]) => `${f}: ${m}`).join('; '));
  }
}

/** Field → message for an input that failed its schema, so clients can say which field. */
export function formatError({ shape, error }: { shape: DefaultErrorShape; error: { cause?: unknown; code: string } }) {
  if (error.code === 'BAD_REQUEST' && error.cause instanceof ZodError) {
    const fields: Record<string, string> = {};
    for (const issue of error.cause.issues) {
      const field = issue.path.join('.') || '(input)';
      fields[field] ??= issue.message;
    }
    const message = `Invalid input: ${Object.entries(fields).map(([f, m]) => `${f}: ${m}`).join('; ')}`;
    return { ...shape, message, data: { ...shape.data, fields } };
  }
  if (error.code === 'BAD_REQUEST' && error.cause instanceof FieldError) {
    return { ...shape, data: { ...shape.data, fields: error.cause.fields as Record<string, string> | null } };
  }
  // An unexpected error's message can hold SQL and its parameters: it stays in the server.
  const message = error.code === 'INTERNAL_SERVER_ERROR' ? 'Internal server error' : shape.message;
  return { ...shape, message, data: { ...shape.data, fields: null as Record<string, string> | null } };
}

/** BAD_REQUEST for one field that passed its schema but not a rule checked against data. */
export function badField(field: string, message: string): TRPCError {
  return new TRPCError({ code: 'BAD_REQUEST', message: `Invalid input: ${field}: ${message}`, cause: new FieldError({ [field]: message }) });
}
