import { federation } from '@module-federation/vite';
import { hostFederation } from '@tongxin/ui/federation';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

// Served at the site root; dist/index.html is also the fallback for every client route.
// Remotes are not listed here: they are read at run time from /remotes.json.
const runner = 'http://127.0.0.1:3000';

export default defineConfig({
  base: '/',
  plugins: [solid(), federation(hostFederation('shell'))],
  build: { target: 'es2022' },
  // `npx vite` here: the API, /remotes.json and the built remotes come from `npm start`.
  server: { proxy: { '/api': runner, '/remotes.json': runner, '/remotes/': runner } },
});
