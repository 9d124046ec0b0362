// Plain JavaScript, like federation.js: Vite loads its config with Node.
import { resolve } from 'node:path';
import { ESM_REMOTE_FORMAT, SHARED_GLOBAL } from './esm-remote-contract.js';
import { shared } from './federation.js';

const ENTRY = 'virtual:tongxin-remote-entry';
const SHARED_PREFIX = '\0tongxin-shared:';

/**
 * A remote as a plain ES module, without the federation runtime (issue 18: on the member's
 * first load the runtime, remoteEntry's glue and the loadShare wrappers were ~28 of 71 KB
 * gzipped). `remoteEntry.js` statically imports what it exposes and exports
 * `{ format, get(name) }`. The shared singletons (the keys of `shared` in federation.js, and
 * `solid-js/web`) are not bundled: each import of one reads the shell's copy from
 * `globalThis.__TONGXIN_SHARED__`, which the shell sets before it imports the entry
 * (frontends/shell/src/esm-remotes.ts), so there is still exactly one locale signal and one
 * session refresh on the page. Build only: under `vite` (serve) the remote's own page imports
 * the real packages.
 * @param {{ exposes: Record<string, string> }} options
 * @returns {import('vite').Plugin}
 */
export function esmRemote(options) {
  const keys = new Set([...Object.keys(shared), 'solid-js/web']);
  /** @type {string} */
  let root = process.cwd();
  return {
    name: 'tongxin:esm-remote',
    apply: 'build',
    enforce: 'pre',
    config() {
      return {
        build: {
          rolldownOptions: {
            input: { remoteEntry: ENTRY },
            preserveEntrySignatures: 'strict',
            output: { entryFileNames: '[name].js', chunkFileNames: 'assets/[name]-[hash].js', assetFileNames: 'assets/[name]-[hash][extname]' },
          },
        },
      };
    },
    configResolved(config) {
      root = config.root;
    },
    // The browser finds an ES module's imports only once it has the module: a chunk that the
    // entry reaches through another chunk is one more round trip (and, on a slow phone, one
    // more parse) before the view can start. Every chunk the entry needs is imported by the
    // entry itself, so they are all fetched at once. Evaluation order is unchanged: each is
    // still evaluated after its own imports, and once.
    generateBundle(_output, bundle) {
      const entry = Object.values(bundle).find((file) => file.type === 'chunk' && file.isEntry);
      if (!entry || entry.type !== 'chunk') return;
      // The entry itself is never a dependency to add (a chunk importing it back would otherwise add it).
      const needed = new Set([entry.fileName]);
      const visit = (name) => {
        const chunk = bundle[name];
        if (!chunk || chunk.type !== 'chunk' || needed.has(name)) return;
        needed.add(name);
        chunk.imports.forEach(visit);
      };
      entry.imports.forEach(visit);
      const deeper = [...needed].filter((name) => name !== entry.fileName && !entry.imports.includes(name));
      if (deeper.length === 0) return;
      const lines = deeper.map((name) => `import ${JSON.stringify(`./${name}`)};`).join('\n');
      // Before a source map's comment, which must stay the file's last line.
      const map = entry.code.lastIndexOf('\n//# sourceMappingURL=');
      entry.code = map >= 0 ? `${entry.code.slice(0, map)}\n${lines}${entry.code.slice(map)}` : `${entry.code}\n${lines}\n`;
    },
    resolveId(source, importer) {
      if (source === ENTRY) return `\0${ENTRY}`;
      // The shared module's own files import each other (solid-js/web imports solid-js): only
      // the remote's imports are redirected, and the real module is read once, for its names.
      if (keys.has(source) && !importer?.startsWith(SHARED_PREFIX)) return `${SHARED_PREFIX}${source}`;
      return null;
    },
    async load(id) {
      if (id === `\0${ENTRY}`) {
        const names = Object.keys(options.exposes);
        const imports = names.map((name, i) => `import * as expose${i} from ${JSON.stringify(resolve(root, options.exposes[name]))};`);
        const table = names.map((name, i) => `${JSON.stringify(name)}: expose${i}`).join(', ');
        return [
          ...imports,
          `const exposed = { ${table} };`,
          `export const format = ${JSON.stringify(ESM_REMOTE_FORMAT)};`,
          `export function get(name) {`,
          `  const module = exposed[name];`,
          `  if (!module) throw new Error('this remote exposes no ' + name);`,
          `  return module;`,
          `}`,
        ].join('\n');
      }
      if (!id.startsWith(SHARED_PREFIX)) return null;
      const key = id.slice(SHARED_PREFIX.length);
      const real = await this.resolve(key, resolve(root, 'package.json'), { skipSelf: true });
      if (!real) throw new Error(`esm-remote: cannot resolve the shared module ${key}`);
      // Its export names, so that every import of it stays a static named import.
      const { exports } = await this.load({ id: real.id });
      const named = exports.filter((name) => name !== 'default');
      return [
        `const provided = globalThis.${SHARED_GLOBAL}?.[${JSON.stringify(key)}];`,
        `if (!provided) throw new Error(${JSON.stringify(`${key} is provided by the shell; this remote cannot run on its own`)});`,
        `export const { ${named.join(', ')} } = provided;`,
        exports.includes('default') ? 'export default provided.default;' : '',
      ].join('\n');
    },
  };
}
