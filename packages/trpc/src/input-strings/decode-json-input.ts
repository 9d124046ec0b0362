import type { ErrorCode } from '@tongxin/errors';
import type { z } from 'zod';
import { badField } from '@tongxin/errors';
import { badStringPath } from './input-strings.ts';

/**
 * The one way a procedure decodes a value carried as JSON inside a string of its input (a
 * page cursor, say). What comes out is input too, so it meets the rule every input meets
 * (`badStringPath`: no NUL, well-formed UTF-16; issue 13 F: `"a\u0000b"` inside a cursor passed
 * the outer check, was decoded by the procedure and reached PostgreSQL as a 500) and then the
 * given schema. Anything else is BAD_REQUEST naming `field`, never a 500.
 */
export function decodeJsonInput<T extends z.ZodType>(field: string, text: string, schema: T, code: ErrorCode = 'invalid_cursor'): z.output<T> {
  let decoded: unknown;
  try {
    decoded = JSON.parse(text);
  } catch {
    throw badField(field, code);
  }
  if (badStringPath(decoded) !== null) throw badField(field, 'unstorable_character');
  const parsed = schema.safeParse(decoded);
  if (!parsed.success) throw badField(field, code);
  return parsed.data;
}
