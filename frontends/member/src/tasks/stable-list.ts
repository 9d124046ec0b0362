import { createResource, type Signal } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';

/**
 * A list read from the server whose refetch updates the items in place (matched by `key`)
 * instead of replacing them: a card keeps its DOM, its focus and a half-filled completion
 * form when the lists are read again after a claim, a withdrawal or a submission.
 */
export function createStableList<S, T extends object>(source: () => S | false, fetch: (source: S) => Promise<T[]>, key: keyof T & string) {
  return createResource(source, fetch, {
    storage: (initial?: T[]) => {
      const [store, setStore] = createStore<{ list: T[] | undefined }>({ list: initial });
      return [
        () => store.list,
        (next: unknown) => {
          const value = typeof next === 'function' ? (next as (prev: T[] | undefined) => T[] | undefined)(store.list) : (next as T[] | undefined);
          setStore('list', reconcile(value, { key, merge: false }));
          return store.list;
        },
      ] as Signal<T[] | undefined>;
    },
  });
}
