import type { Component } from 'solid-js';
import type { RemoteAppProps } from '@tongxin/ui';
import type { ModuleFederation } from '@module-federation/runtime';
import { federation } from './federation.ts';

interface RemoteConfig {
  name: string;
  url: string;
}

let registered: Promise<void> | null = null;

/**
 * Reads /remotes.json (a county deploys a new remote without rebuilding the shell) and
 * registers the remotes. `force` replaces earlier registrations and clears their cache,
 * which is what lets Retry load a remote that failed before.
 */
function registerFromConfig(runtime: ModuleFederation): Promise<void> {
  registered ??= fetch('/remotes.json', { credentials: 'same-origin' })
    .then((response) => {
      if (!response.ok) throw new Error(`/remotes.json: HTTP ${response.status}`);
      return response.json() as Promise<RemoteConfig[]>;
    })
    .then((remotes) => {
      runtime.registerRemotes(remotes.map((remote) => ({ name: remote.name, entry: remote.url, type: 'module' })), { force: true });
    })
    .catch((error: unknown) => {
      registered = null;
      throw error;
    });
  return registered;
}

/**
 * The remote's `./App`; `fresh` re-reads the configuration after a failed attempt.
 * `shared` are the shell's copies of the shared singletons (src/shared-modules.ts).
 */
export async function loadRemoteApp(name: string, fresh: boolean, shared: Record<string, object>): Promise<Component<RemoteAppProps>> {
  const runtime = federation(shared);
  if (fresh) registered = null;
  await registerFromConfig(runtime);
  const module = await runtime.loadRemote<{ default: Component<RemoteAppProps> }>(`${name}/App`);
  if (!module) throw new Error(`${name}/App did not load`);
  return module.default;
}
