import type { ErrorCode, ErrorParams, FieldProblem } from '@tongxin/errors';

/** The error vocabulary the UI translates: tRPC codes we expect, plus transport failures. */
export const errorKinds = ['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_REQUEST', 'CONFLICT', 'TOO_MANY_REQUESTS', 'network', 'server'] as const;
export type ErrorKind = (typeof errorKinds)[number];

/** `error.data` of a failed call (`packages/trpc/src/errors.ts`): tRPC's code, the domain code and its fields. */
interface ClientErrorShape {
  data?: { code?: string; reason?: ErrorCode | null; params?: ErrorParams; fields?: Record<string, FieldProblem> | null } | null;
  cause?: unknown;
}

export function errorKind(error: unknown): ErrorKind {
  const shape = (error ?? {}) as ClientErrorShape;
  const code = shape.data?.code;
  if (code && (errorKinds as readonly string[]).includes(code)) return code as ErrorKind;
  if (code) return 'server';
  // No tRPC body: fetch itself failed (offline, server down) or a proxy answered with HTML.
  if (shape.cause instanceof TypeError || (typeof navigator !== 'undefined' && navigator.onLine === false)) return 'network';
  return 'server';
}

/** Per-field codes of a BAD_REQUEST (`error.data.fields`), if any; `@tongxin/ui`'s `fieldMessages` says them. */
export function fieldErrors(error: unknown): Record<string, FieldProblem> {
  return (error as ClientErrorShape | null)?.data?.fields ?? {};
}

/** The domain code of a failed call and its parameters (`error.data.reason`), or null (a transport failure). */
export function errorReason(error: unknown): { code: ErrorCode; params: ErrorParams } | null {
  const data = (error as ClientErrorShape | null)?.data;
  return data?.reason ? { code: data.reason, params: data.params ?? {} } : null;
}
