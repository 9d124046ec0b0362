import { del, entries, set } from 'idb-keyval';
import { accountPrefix, writeStore } from './stores.ts';

/** Where a queued write stands. */
export type WriteState =
  /** Not sent yet: offline, the session ended, or a server error to retry at `retryAt`. */
  | 'waiting'
  /** The server said no (the task filled meanwhile, the month closed): kept to be read, never sent again. */
  | 'refused';

/**
 * A write the member made that the server has not taken yet (issue 18): kept in IndexedDB, so
 * it survives a reload or a closed tab, and sent again with the idempotency key it was made
 * with, so it is applied once however often it is sent.
 */
export interface QueuedWrite {
  id: string;
  account: string;
  /** What it does, which names the procedure that sends it (the member's senders). */
  kind: string;
  input: unknown;
  idempotencyKey: string;
  /** What names it to the member, in any language (the task's title, the report's month). */
  label: string;
  /** What it is about, for the page that shows it in place (a task's id, a report's month). */
  subject: string;
  createdAt: string;
  state: WriteState;
  attempts: number;
  /** Not before then (a server error's backoff). */
  retryAt?: string;
  /** The server's refusal: its code and parameters, said in words by the page. */
  refusal?: { code: string; params?: Record<string, unknown> };
}

const key = (write: Pick<QueuedWrite, 'account' | 'id'>) => `${accountPrefix(write.account)}${write.id}`;

export async function saveWrite(write: QueuedWrite): Promise<void> {
  await set(key(write), write, writeStore());
}

export async function removeWrite(write: Pick<QueuedWrite, 'account' | 'id'>): Promise<void> {
  await del(key(write), writeStore());
}

/** This account's queued writes, oldest first (the order they are sent in). */
export async function accountWrites(account: string): Promise<QueuedWrite[]> {
  const all = await entries<string, QueuedWrite>(writeStore());
  return all
    .filter(([name]) => name.startsWith(accountPrefix(account)))
    .map(([, write]) => write)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
