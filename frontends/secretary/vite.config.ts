import { federation } from '@module-federation/vite';
import { remoteFederation } from '@tongxin/ui/federation';
import { precompress } from '@tongxin/ui/precompress';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

// Served under /remotes/secretary/ by the runner; './' keeps every asset URL relative to remoteEntry.js.
export default defineConfig(({ command }) => ({
  base: './',
  plugins: [solid(), federation(remoteFederation('secretary', { command })), precompress()],
  build: { target: 'es2022' },
  // The spreadsheet parse worker (src/excel/parse-worker.ts) is a module worker: a same-origin file, as the CSP requires.
  worker: { format: 'es' },
  // `npx vite` here shows this remote alone; the API comes from `npm start`.
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
}));
