import { createStore, type UseStore } from 'idb-keyval';

/**
 * The member's offline data in IndexedDB (issue 18), through idb-keyval: one database per
 * store, since idb-keyval opens each with a single object store. Opened on first use, so a
 * page that never reads them (a staff view) never creates them. Every key starts with the
 * account it belongs to (`<tenant>:<user>|…`), which is how a logout forgets one person's.
 */
let reads: UseStore | undefined;
let writes: UseStore | undefined;

export const readStore = () => (reads ??= createStore('tongxin-reads', 'answers'));
export const writeStore = () => (writes ??= createStore('tongxin-writes', 'queue'));

/** The key prefix of an account's entries. */
export const accountPrefix = (account: string) => `${account}|`;
