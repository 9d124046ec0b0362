let current: string | null = null;

/**
 * Whose session this page has (`<tenant>:<user>`), set by the shell from `auth.me` and cleared
 * at logout. A remote reads it from this shared singleton to keep its offline data per person
 * (issue 18: `@tongxin/offline` keys every entry by it).
 */
export function currentAccount(): string | null {
  return current;
}

export function setCurrentAccount(account: string | null): void {
  current = account;
}
