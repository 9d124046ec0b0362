import type { Component } from 'solid-js';
import type { RemoteAppProps } from '@tongxin/ui';
import { loadEsmRemote } from './esm-remote.ts';
import { readRemoteConfig } from './remote-config.ts';
import { sharedModules } from './shared-modules.ts';

/**
 * The federation runtime and its remote loading (src/remotes.ts) are a chunk of their own
 * (~19 KB gzipped), fetched only for a federation remote: neither the login page nor the
 * member's view (an ES module remote) waits for it.
 */
const federationChunk = () => import('./remotes.ts');

/**
 * A remote's `./App`, as `/remotes.json` lists it. `attempt` > 0 is a Retry: it re-reads
 * `/remotes.json` and loads afresh, never a cached failure.
 */
export async function loadRemoteApp(name: string, attempt: number): Promise<Component<RemoteAppProps>> {
  const remotes = await readRemoteConfig(attempt > 0);
  const remote = remotes.find((candidate) => candidate.name === name);
  if (!remote) throw new Error(`/remotes.json lists no remote named ${name}`);
  if (remote.format === 'esm') return loadEsmRemote(remote.url, attempt);
  return (await federationChunk()).loadFederatedApp(name, remotes, sharedModules);
}

/**
 * Starts fetching what the view's remote needs while the session is checked (the login page
 * included, for a member who opened `/member`): its entry for an ES module remote, the
 * federation runtime for the others. A failure shows when the view loads it.
 */
export function preloadRemote(name: string) {
  readRemoteConfig()
    .then(async (remotes) => {
      const remote = remotes.find((candidate) => candidate.name === name);
      if (remote?.format === 'esm') await loadEsmRemote(remote.url);
      else if (remote) await federationChunk();
    })
    .catch(() => undefined);
}
