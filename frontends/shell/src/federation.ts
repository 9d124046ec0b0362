import { createInstance, type ModuleFederation, type ModuleFederationRuntimePlugin } from '@module-federation/runtime';
import injectExternalRuntimeCore from '@module-federation/vite/injectExternalRuntimeCorePlugin';
import type { HostShare } from '@tongxin/ui/federation';

declare const __HOST_SHARED__: Record<string, HostShare>;

let instance: ModuleFederation | null = null;

/**
 * The page's federation runtime. The shell is a host without exposes, so it is created
 * here with the runtime API rather than by the Vite plugin (no remoteEntry, hostInit or
 * loadShare glue of its own to download; frontends/README.md). It provides the shared
 * singletons from the shell's own bundle, already loaded, so a remote's `loadShare` picks
 * these copies, and publishes runtime-core for the remotes built with
 * `experiments.externalRuntime` (the plugin's own runtime plugin, the one its
 * `provideExternalRuntime` injects).
 */
export function federation(modules: Record<string, object>): ModuleFederation {
  instance ??= createInstance({
    name: 'shell',
    remotes: [],
    shared: Object.fromEntries(
      Object.entries(__HOST_SHARED__).map(([key, share]) => {
        const module = modules[key];
        if (!module) throw new Error(`federation: the shell provides no module for the shared key ${key}`);
        return [key, { ...share, scope: 'default', lib: () => module }];
      }),
    ),
    // Its declared hook type is narrower than the runtime's plugin type; the hook is the same.
    plugins: [injectExternalRuntimeCore() as ModuleFederationRuntimePlugin],
  });
  return instance;
}
