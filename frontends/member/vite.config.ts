import { esmRemote } from '@tongxin/ui/esm-remote';
import { precompress } from '@tongxin/ui/precompress';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

// Served under /remotes/member/ by the runner; './' keeps every asset URL relative to remoteEntry.js.
// Built as a plain ES module remote (no federation runtime on the member's first load, issue
// 18; frontends/README.md): remoteEntry.js exports `get('./App')`, the shared singletons come
// from the shell.
export default defineConfig({
  base: './',
  plugins: [solid(), esmRemote({ exposes: { './App': './src/app.tsx' } }), precompress()],
  build: { target: 'es2022' },
  // `npx vite` here shows this remote alone; the API comes from `npm start`.
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
