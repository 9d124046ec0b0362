/** One remote as `/remotes.json` lists it. */
export interface RemoteConfig {
  name: string;
  url: string;
  /**
   * How it is built: `esm`, a plain ES module remote (`@tongxin/ui/esm-remote`, the member's),
   * or `federation`, a `@module-federation/vite` container. The host fills it in for the
   * remotes it knows (infra/runner/src/node-app.ts); absent means federation.
   */
  format?: 'esm' | 'federation';
}

let config: Promise<RemoteConfig[]> | null = null;

/**
 * `/remotes.json`, read once per page (a county deploys a new remote without rebuilding the
 * shell); `fresh` reads it again, as Retry after a failed load does. A failed read is never
 * kept.
 */
export function readRemoteConfig(fresh = false): Promise<RemoteConfig[]> {
  if (fresh) config = null;
  config ??= fetch('/remotes.json', { credentials: 'same-origin' })
    .then((response) => {
      if (!response.ok) throw new Error(`/remotes.json: HTTP ${response.status}`);
      return response.json() as Promise<RemoteConfig[]>;
    })
    .catch((error: unknown) => {
      config = null;
      throw error;
    });
  return config;
}
