import { Show, createSignal } from 'solid-js';
import { currentAccount, errorKind } from '@tongxin/api-client';
import { format } from '@tongxin/i18n';
import { keepRead, keptRead } from '@tongxin/offline';
import { m } from './offline-messages.ts';

/**
 * For each read shown from what was kept, when the server gave it; absent when it is fresh.
 * A signal, not a store: solid-js/store would join the member's first load (2 KB) for this.
 */
const [asOf, setAsOf] = createSignal<Readonly<Record<string, string>>>({});
function setShownAsOf(name: string, at: string | undefined) {
  const { [name]: _, ...others } = asOf();
  setAsOf(at ? { ...others, [name]: at } : others);
}

/**
 * A read that still answers offline (issue 18): the server's answer, kept on the phone per
 * account (`@tongxin/offline`); with no network, the answer kept from the last visit, marked
 * with when it was fetched (`<AsOf name=…>`). Any other failure is the page's as before.
 */
export async function readKept<T>(name: string, read: () => Promise<T>): Promise<T> {
  const account = currentAccount();
  try {
    const value = await read();
    setShownAsOf(name, undefined);
    if (account) void keepRead(account, name, value);
    return value;
  } catch (error) {
    if (!account || errorKind(error) !== 'network') throw error;
    const kept = await keptRead<T>(account, name);
    if (!kept) throw error;
    setShownAsOf(name, kept.at);
    return kept.value;
  }
}

/**
 * The answer kept from the last visit, to show while the server's is on its way (the repeat
 * visit paints the profile a round trip sooner); undefined when there is none.
 */
export async function lastKept<T>(name: string): Promise<T | undefined> {
  const account = currentAccount();
  return account ? (await keptRead<T>(account, name))?.value : undefined;
}

/** "Offline: showing what was fetched at 08:12", when that read came from the phone. */
export function AsOf(props: { name: string }) {
  return (
    <Show when={asOf()[props.name]}>
      {(at) => (
        <p class="notice" role="status">
          {m('asOf', { time: format(new Date(at()), { hour: '2-digit', minute: '2-digit', hour12: false }) })}
        </p>
      )}
    </Show>
  );
}
