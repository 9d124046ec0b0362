// Plain JavaScript: Vite loads its config with Node, which does not import TypeScript from
// a linked workspace package.
/**
 * Module Federation settings every frontend uses, declared once (style.md §5).
 * Sizes measured in design.md "Probed facts": the shell provides the federation runtime
 * to the remotes, which then do not bundle it again.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const shared = {
  'solid-js': { singleton: true, requiredVersion: '^1.9.0' },
  // These hold page-wide state (the locale signal; the session refresh and its listeners),
  // so there must be exactly one copy on the page.
  '@tongxin/i18n': { singleton: true, requiredVersion: '*' },
  '@tongxin/api-client': { singleton: true, requiredVersion: '*' },
};

/**
 * Compile-time switches of the federation runtime for the shell. The plugin sets these for
 * the remotes (`disableSnapshot`, target web); the shell creates its runtime without the
 * plugin (frontends/README.md), so its Vite config defines them itself: without them the
 * runtime keeps the manifest/snapshot code it never uses.
 */
export const hostRuntimeDefines = {
  ENV_TARGET: JSON.stringify('web'),
  FEDERATION_OPTIMIZE_NO_SNAPSHOT_PLUGIN: 'true',
};

/**
 * What the shell puts in the share scope: each key of `shared`, plus the `solid-js/web`
 * subpath the plugin shares on its own for remotes, with the installed version (as the
 * plugin registers it). Computed at build time and defined as `__HOST_SHARED__`.
 * @param {string} fromDir where the packages are resolved from (the shell's folder)
 */
export function hostShared(fromDir) {
  /** @type {Record<string, { singleton: boolean; requiredVersion: string }>} */
  const withSubpaths = { ...shared, 'solid-js/web': shared['solid-js'] };
  return Object.fromEntries(
    Object.entries(withSubpaths).map(([key, config]) => [
      key,
      { version: installedVersion(key.startsWith('@') ? key : key.split('/')[0], fromDir), shareConfig: { ...config, eager: false } },
    ]),
  );
}

/** @param {string} pkg @param {string} fromDir @returns {string} */
function installedVersion(pkg, fromDir) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const file = join(dir, 'node_modules', pkg, 'package.json');
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')).version;
    if (dirname(dir) === dir) throw new Error(`${pkg} is not installed (from ${fromDir})`);
  }
}

/**
 * A remote. In a build its shared modules are `import: false`: the shell always provides
 * them, so the remote carries no fallback copy and less loadShare glue (~1 KB gzipped on a
 * member's first load), and `loaded-first` takes the copy the shell has already loaded.
 * `vite` (serve) keeps the fallbacks so that a remote's standalone page works on its own.
 * @param {string} name
 * @param {{ command: 'build' | 'serve' }} env
 */
export function remoteFederation(name, { command }) {
  const hostProvided = command === 'build';
  return {
    name,
    filename: 'remoteEntry.js',
    exposes: { './App': './src/app.tsx' },
    shared: hostProvided ? Object.fromEntries(Object.entries(shared).map(([key, config]) => [key, { ...config, import: false }])) : shared,
    shareStrategy: 'loaded-first',
    dts: false,
    disableRemote: true,
    disableSnapshot: true,
    experiments: { externalRuntime: true },
  };
}
