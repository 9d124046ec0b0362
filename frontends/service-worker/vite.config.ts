import { join } from 'node:path';
import { precompress } from '@tongxin/ui/precompress';
import { defineConfig } from 'vite';
import { precacheManifest } from './precache-manifest.ts';

const frontends = join(import.meta.dirname, '..');

// The service worker of the member's offline use (issue 18): Workbox's runtime, with the
// precache list of the shell's build and the member remote's current build, read here after
// turbo built both (they are devDependencies of this workspace for that order). The secretary,
// department and operator remotes are not in it: staff views are not for offline use.
// Served at /sw.js (scope /) by the runner, `no-cache`.
export default defineConfig({
  define: {
    // Workbox's development messages and checks out (lib mode leaves NODE_ENV as it finds it).
    'process.env.NODE_ENV': JSON.stringify('production'),
    __PRECACHE_MANIFEST__: JSON.stringify(
      precacheManifest([
        // The federation runtime's chunk (shell/src/remotes.ts) is only for the staff views.
        { dir: join(frontends, 'shell', 'dist'), url: '/', skip: /^assets\/remotes-/ },
        { dir: join(frontends, 'member', 'dist'), url: '/remotes/member/' },
      ]),
    ),
  },
  plugins: [precompress()],
  build: {
    target: 'es2022',
    lib: { entry: 'src/sw.ts', formats: ['iife'], name: 'tongxinServiceWorker', fileName: () => 'sw.js' },
  },
});
