import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { bundleWorker } from './bundle-worker.ts';

// `npm run bundle -w @tongxin/edge`: dist/<service>-worker.mjs, for `wrangler deploy` (no_bundle).
const workers = ['identity', 'roster', 'reporting', 'tasks', 'scoring'];
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
await mkdir(dist, { recursive: true });
for (const name of workers) {
  const bundle = await bundleWorker(fileURLToPath(new URL(`./${name}-worker.ts`, import.meta.url)), { minify: true });
  const stray = bundle.imports.filter((i) => i.kind !== 'dynamic-import');
  if (stray.length) throw new Error(`${name}: the bundle imports ${stray.map((i) => i.path).join(', ')}`);
  await writeFile(`${dist}${name}-worker.mjs`, bundle.code);
  console.log(`dist/${name}-worker.mjs  ${(bundle.code.length / 1024).toFixed(0)} KiB`);
}
