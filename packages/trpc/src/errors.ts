import type { DefaultErrorShape } from '@trpc/server/unstable-core-do-not-import';
import { ZodError } from 'zod';

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
  // An unexpected error's message can hold SQL and its parameters: it stays in the server.
  const message = error.code === 'INTERNAL_SERVER_ERROR' ? 'Internal server error' : shape.message;
  return { ...shape, message, data: { ...shape.data, fields: null as Record<string, string> | null } };
}
