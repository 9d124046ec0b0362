/** The error vocabulary the UI translates: tRPC codes we expect, plus transport failures. */
export const errorKinds = ['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_REQUEST', 'CONFLICT', 'TOO_MANY_REQUESTS', 'network', 'server'] as const;
export type ErrorKind = (typeof errorKinds)[number];

interface ClientErrorShape {
  data?: { code?: string; fields?: Record<string, string> | null } | null;
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

/** Per-field messages of a BAD_REQUEST (`error.data.fields`), if any. */
export function fieldErrors(error: unknown): Record<string, string> {
  return (error as ClientErrorShape | null)?.data?.fields ?? {};
}
