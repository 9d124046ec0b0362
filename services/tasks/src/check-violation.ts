/** True when `error` (or a cause of it: drivers and drizzle wrap it) broke the named CHECK constraint. */
export function isCheckViolation(error: unknown, constraint: string): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const { code, constraint: name } = e as { code?: unknown; constraint?: unknown };
    if (code === '23514' && (name === constraint || e.message.includes(constraint))) return true;
  }
  return false;
}
