import type { Component } from 'solid-js';
import type { RemoteAppProps } from '@tongxin/ui';
import { federation } from './federation.ts';
import type { RemoteConfig } from './remote-config.ts';

let registered: readonly RemoteConfig[] | null = null;

/**
 * A federation remote's `./App` (the secretary's, the department's, the operator's). The
 * remotes are registered again whenever `/remotes.json` was read again: `force` replaces
 * earlier registrations and clears their cache, which is what lets Retry load a remote that
 * failed before. `shared` are the shell's copies of the shared singletons (src/shared-modules.ts).
 */
export async function loadFederatedApp(name: string, remotes: readonly RemoteConfig[], shared: Record<string, object>): Promise<Component<RemoteAppProps>> {
  const runtime = federation(shared);
  if (registered !== remotes) {
    runtime.registerRemotes(
      remotes.filter((remote) => remote.format !== 'esm').map((remote) => ({ name: remote.name, entry: remote.url, type: 'module' })),
      { force: true },
    );
    registered = remotes;
  }
  const module = await runtime.loadRemote<{ default: Component<RemoteAppProps> }>(`${name}/App`);
  if (!module) throw new Error(`${name}/App did not load`);
  return module.default;
}
