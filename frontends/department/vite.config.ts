import { federation } from '@module-federation/vite';
import { remoteFederation } from '@tongxin/ui/federation';
import { precompress } from '@tongxin/ui/precompress';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

// Served under /remotes/department/ by the runner; './' keeps every asset URL relative to remoteEntry.js.
export default defineConfig(({ command }) => ({
  base: './',
  plugins: [solid(), federation(remoteFederation('department', { command })), precompress()],
  build: { target: 'es2022' },
  // `npx vite` here shows this remote alone; the API comes from `npm start`.
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
}));
