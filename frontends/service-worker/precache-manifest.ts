import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One file for Workbox to precache: a hashed file needs no revision, its name changes with it. */
export interface PrecacheEntry {
  url: string;
  revision: string | null;
}

/** Vite's `name-<hash>.js` under `assets/` (the same rule as the runner's immutable caching). */
const HASHED = /\/assets\/[^/]*-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/;
/** The build's compressed copies and maps are not fetched by a browser as such. */
const SKIPPED = /\.(?:br|gz|map)$/;

/**
 * What the service worker precaches: every file of the builds given, under the URL the runner
 * serves it at (node-app.ts), each unhashed one with the hash of its content as its revision,
 * so a new build of any of them is a new service worker (the browser compares the script) that
 * fetches only what changed. Workbox's own manifest tool (workbox-build) would do the same
 * walk, with ~4,400 lines of lockfile (babel, rollup, terser) for it.
 */
export function precacheManifest(builds: readonly { dir: string; url: string; skip?: RegExp }[]): PrecacheEntry[] {
  return builds.flatMap(({ dir, url, skip }) => {
    if (!existsSync(dir)) throw new Error(`precache: ${dir} is not built yet (turbo builds it first: package.json devDependencies)`);
    return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1).split('\\').join('/'))
      .filter((file) => !SKIPPED.test(file) && !skip?.test(file))
      .sort()
      .map((file) => {
        const path = `${url}${file}`;
        return { url: path, revision: HASHED.test(path) ? null : createHash('sha256').update(readFileSync(join(dir, file))).digest('hex').slice(0, 16) };
      });
  });
}
