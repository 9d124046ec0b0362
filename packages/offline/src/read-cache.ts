import { get, set } from 'idb-keyval';
import { accountPrefix, readStore } from './stores.ts';

/** A server answer kept for reading offline, with when it was fetched. */
export interface KeptRead<T> {
  value: T;
  /** When the server gave it (ISO). */
  at: string;
}

/** Keeps the latest answer of a read (e.g. `tasks.forMe`) for this account. A failure to store is not the reader's problem. */
export async function keepRead<T>(account: string, name: string, value: T, at = new Date()): Promise<void> {
  await set(`${accountPrefix(account)}${name}`, { value, at: at.toISOString() } satisfies KeptRead<T>, readStore()).catch(() => undefined);
}

/** The answer kept from the last visit, if any. */
export async function keptRead<T>(account: string, name: string): Promise<KeptRead<T> | undefined> {
  return get<KeptRead<T>>(`${accountPrefix(account)}${name}`, readStore()).catch(() => undefined);
}
