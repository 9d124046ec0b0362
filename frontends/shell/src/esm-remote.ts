import type { Component } from 'solid-js';
import { ESM_REMOTE_FORMAT, SHARED_GLOBAL } from '@tongxin/ui/esm-remote-contract';
import type { RemoteAppProps } from '@tongxin/ui';
import { sharedModules } from './shared-modules.ts';

interface EsmContainer {
  format?: unknown;
  get?: (name: string) => { default?: Component<RemoteAppProps> };
}

/**
 * A remote built as a plain ES module (`@tongxin/ui/esm-remote`): no federation runtime, so
 * the member's first load does not carry it (issue 18). Its imports of the shared singletons
 * read the shell's copies from a global, set before its first import. `attempt` > 0 (Retry)
 * imports it under another URL, so a failed fetch is never the answer again.
 */
export async function loadEsmRemote(url: string, attempt = 0): Promise<Component<RemoteAppProps>> {
  (globalThis as Record<string, unknown>)[SHARED_GLOBAL] ??= sharedModules;
  const href = new URL(url, location.href);
  if (attempt > 0) href.searchParams.set('attempt', String(attempt));
  const container = (await import(/* @vite-ignore */ href.href)) as EsmContainer;
  if (container.format !== ESM_REMOTE_FORMAT || typeof container.get !== 'function') throw new Error(`${url} is not an ES module remote`);
  const app = container.get('./App').default;
  if (!app) throw new Error(`${url}: ./App has no default export`);
  return app;
}
