import { build, type Metafile } from 'esbuild';

/**
 * Modules reached only on Node paths of `openDatabase` (PGlite, node-postgres), through
 * dynamic imports: left out of a Worker bundle, and never loaded there.
 */
export const NODE_ONLY_MODULES = ['@electric-sql/pglite', 'drizzle-orm/pglite', 'pg', 'drizzle-orm/node-postgres'] as const;

export interface WorkerBundle {
  /** One ES module, what a Workers deploy uploads. */
  code: string;
  /** What the bundle still imports (should be only dynamic imports of NODE_ONLY_MODULES). */
  imports: { path: string; kind: Metafile['outputs'][string]['imports'][number]['kind'] }[];
  /** Source files in the bundle, relative to the working folder. */
  inputs: string[];
}

/** Bundles a Worker entry the way design.md's "Edge runtime" probe did (workerd conditions). */
export async function bundleWorker(entry: string, options: { minify?: boolean } = {}): Promise<WorkerBundle> {
  const exact = new RegExp(`^(${NODE_ONLY_MODULES.map((s) => s.replace(/[/.]/g, '\\$&')).join('|')})$`);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['workerd', 'worker', 'browser'],
    target: 'es2022',
    minify: options.minify ?? false,
    // esbuild resolves imports before tree shaking, so builtins named only by dead code (the
    // migrators `@tongxin/db` re-exports) must be external; the test checks none is left.
    external: ['node:*'],
    // Exact names: a prefix would also drop `drizzle-orm/pglite/migrator` etc. unbundled.
    plugins: [{ name: 'node-only', setup: (b) => void b.onResolve({ filter: exact }, (a) => ({ path: a.path, external: true })) }],
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs)[0]!;
  return {
    code: result.outputFiles[0]!.text,
    imports: output.imports.map(({ path, kind }) => ({ path, kind })),
    inputs: Object.keys(output.inputs),
  };
}
