/** True when `error` (or a cause of it: drivers and drizzle wrap it) broke the named unique index. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const { code, constraint: name } = e as { code?: unknown; constraint?: unknown };
    if (code === '23505' && (name === constraint || e.message.includes(constraint))) return true;
  }
  return false;
}
