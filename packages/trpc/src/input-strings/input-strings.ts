/**
 * The first string in an input that PostgreSQL cannot store or that is not well-formed
 * UTF-16: a NUL character, or a lone surrogate (issue 13 F: they answered 500, or 503 on
 * PostgreSQL). Returns its path (`name`, `rows.3.parent`) or null. Checked once for every
 * procedure, before its own schema, so no procedure can forget it.
 */
export function badStringPath(value: unknown, path: string[] = [], depth = 0): string | null {
  if (depth > 32) return null;
  if (typeof value === 'string') return isStorable(value) ? null : path.join('.') || '(input)';
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = badStringPath(value[i], [...path, String(i)], depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = isStorable(key) ? badStringPath(item, [...path, key], depth + 1) : [...path, '(key)'].join('.');
      if (found) return found;
    }
  }
  return null;
}

function isStorable(text: string): boolean {
  // isWellFormed (ES2024) is on Node 20 and every current browser engine.
  return !text.includes('\u0000') && (text as string & { isWellFormed(): boolean }).isWellFormed();
}
