// Plain JavaScript, like federation.js: Vite loads its config with Node, which does not
// import TypeScript from a linked workspace package.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** What is worth compressing: text the browser fetches (scripts, styles, the page, JSON, SVG). */
const COMPRESSIBLE = /\.(?:m?js|css|html|json|svg|webmanifest|txt)$/;

/**
 * Writes `<file>.br` and `<file>.gz` beside every text file of the build, at the highest
 * levels (done once per build, never per request), so the runner serves them by the request's
 * Accept-Encoding (issue 18: the server sent 150 KB of JavaScript on the wire for 63 KB
 * gzipped). A copy that is not smaller than its file (a 44-byte chunk) is not written.
 * node:zlib does both encodings, so no plugin dependency is needed for thirty lines.
 * @returns {import('vite').Plugin}
 */
export function precompress() {
  /** @type {string} */
  let outDir = 'dist';
  return {
    name: 'tongxin:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = (await readdir(outDir, { recursive: true })).filter((file) => COMPRESSIBLE.test(file));
      await Promise.all(
        files.map(async (file) => {
          const path = join(outDir, file);
          const source = await readFile(path);
          const [br, gz] = await Promise.all([
            brotli(source, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: source.length } }),
            gzipAsync(source, { level: constants.Z_BEST_COMPRESSION }),
          ]);
          if (br.length < source.length) await writeFile(`${path}.br`, br);
          if (gz.length < source.length) await writeFile(`${path}.gz`, gz);
        }),
      );
    },
  };
}
