import { delMany, keys } from 'idb-keyval';
import { accountPrefix, readStore, writeStore } from './stores.ts';

/**
 * Forgets everything kept for an account on this device: its queued writes and its answers
 * kept for offline reading. Logout calls it (issue 18: the queue never holds another user's
 * items after a logout, and the next person on a shared phone reads nothing of the last).
 */
export async function forgetAccount(account: string): Promise<void> {
  for (const store of [writeStore(), readStore()]) {
    const mine = (await keys<string>(store)).filter((name) => String(name).startsWith(accountPrefix(account)));
    if (mine.length > 0) await delMany(mine, store);
  }
}
