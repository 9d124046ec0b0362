/**
 * Every mutation carries an idempotency key (ARCHITECTURE "retries never duplicate").
 * crypto.randomUUID exists only in secure contexts; an on-premise server reached over plain
 * http is not one, so fall back to 128 random bits from getRandomValues.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * One key per attempt to send a given payload: a retry of the same payload (after a timeout
 * on a poor connection) reuses the key, so the server applies it at most once; a different
 * payload, or a new attempt after success, gets a new key.
 */
export function createAttemptKeys() {
  let current: { payload: string; key: string } | null = null;
  return {
    keyFor(payload: unknown): string {
      // JSON.stringify(undefined) is undefined: an action without input is one payload too.
      const text = JSON.stringify(payload) ?? 'undefined';
      if (!current || current.payload !== text) current = { payload: text, key: newIdempotencyKey() };
      return current.key;
    },
    /** The attempt succeeded: the next send is a new attempt. */
    done() {
      current = null;
    },
  };
}
