import { hostRuntimeDefines, hostShared } from '@tongxin/ui/federation';
import { precompress } from '@tongxin/ui/precompress';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

// Served at the site root; dist/index.html is also the fallback for every client route.
// Remotes are not listed here: they are read at run time from /remotes.json.
//
// The shell is a host with no exposes, so it does not go through the federation plugin
// (which would give it a remoteEntry of its own, a hostInit and loadShare glue: ~20 KB
// gzipped on every first load, measured). It creates the federation runtime itself in
// src/federation.ts and provides the shared singletons from its own bundle; the remotes
// are built with @module-federation/vite as before. See frontends/README.md.
const runner = 'http://127.0.0.1:3000';

export default defineConfig({
  base: '/',
  plugins: [solid(), precompress()],
  define: {
    ...hostRuntimeDefines,
    // The shared singletons the shell provides, with their installed versions.
    __HOST_SHARED__: JSON.stringify(hostShared(import.meta.dirname)),
  },
  build: {
    target: 'es2022',
    // Two chunks (the app, and the federation runtime loaded with the first remote), for
    // browsers that know modulepreload: Vite's polyfill for it would be dead weight.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // @trpc/client does not declare `sideEffects: false` but has none at module level:
      // without this every tRPC link (ws, batch, …) and unused runtime code stay in the bundle.
      treeshake: { moduleSideEffects: (id: string) => (/node_modules\/@trpc\/client\//.test(id) ? false : undefined) },
    },
  },
  // `npx vite` here: the API, /remotes.json and the built remotes come from `npm start`.
  server: { proxy: { '/api': runner, '/remotes.json': runner, '/remotes/': runner } },
});
