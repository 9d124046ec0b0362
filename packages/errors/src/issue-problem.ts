import type { ErrorCode } from './error-codes.ts';
import type { ErrorParams, FieldProblem } from './domain-error.ts';

/** The parts of a zod (v4) issue that say which rule failed; structural, so browsers need no server code. */
export interface SchemaIssue {
  code: string;
  input?: unknown;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  expected?: string;
  format?: string;
  params?: Record<string, unknown> | undefined;
}

const bound = (value: number | bigint | undefined) => Number(value ?? 0);
const SIZED = new Set(['string', 'array', 'set']);

/**
 * A schema issue as a field code and the values its message needs, the same on the server
 * (`formatError`) and in a form checking before it sends; zod's English stays for developers.
 * A refinement names its own code: `.refine(check, { message, params: { code: 'future_date' } })`;
 * `isKnown` says which codes exist (the server's `isErrorCode`, a browser's dictionary), so a
 * browser need not download the server's table of codes.
 */
export function issueProblem(issue: SchemaIssue, isKnown: (code: string) => code is ErrorCode): FieldProblem {
  switch (issue.code) {
    case 'too_small': {
      const min = bound(issue.minimum);
      if (issue.origin && SIZED.has(issue.origin)) return min <= 1 ? { code: 'required', params: {} } : { code: 'too_short', params: { min } };
      return { code: 'too_small', params: { min, inclusive: issue.inclusive === false ? 0 : 1 } };
    }
    case 'too_big': {
      const max = bound(issue.maximum);
      if (issue.origin && SIZED.has(issue.origin)) return { code: 'too_long', params: { max } };
      return { code: 'too_large', params: { max, inclusive: issue.inclusive === false ? 0 : 1 } };
    }
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return { code: 'required', params: {} };
      return { code: issue.expected === 'int' ? 'not_integer' : 'invalid_value', params: {} };
    case 'invalid_format':
      if (issue.format === 'date' || issue.format === 'datetime') return { code: 'invalid_date', params: {} };
      return { code: 'invalid_format', params: { format: issue.format ?? '' } };
    case 'custom': {
      const code = issue.params?.['code'];
      if (typeof code === 'string' && isKnown(code)) return { code, params: (issue.params?.['values'] as ErrorParams | undefined) ?? {} };
      return { code: 'invalid_value', params: {} };
    }
    default:
      return { code: 'invalid_value', params: {} };
  }
}
