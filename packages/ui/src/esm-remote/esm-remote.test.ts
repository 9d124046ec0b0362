import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { esmRemote } from '../../esm-remote.js';

// A remote whose entry reaches a chunk only through another chunk: `a` and `b` are each
// shared with a lazy module, so they are chunks of their own, and the entry's chunk imports
// `a`'s, which imports `b`'s.
const files: Record<string, string> = {
  'app.js': `import { a } from './a.js';\nexport default () => a();\nexport const later = () => [import('./lazy1.js'), import('./lazy2.js')];\n`,
  'a.js': `import { b } from './b.js';\nexport const a = () => 'a' + b();\n`,
  'b.js': `export const b = () => 'b';\n`,
  'lazy1.js': `import { a } from './a.js';\nexport const one = a();\n`,
  'lazy2.js': `import { b } from './b.js';\nexport const two = b();\n`,
};

describe('esmRemote', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'esm-remote-'));
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    await build({
      root: dir,
      logLevel: 'silent',
      configFile: false,
      base: './',
      plugins: [esmRemote({ exposes: { './App': './app.js' } })],
      build: { outDir: join(dir, 'dist'), minify: false },
    });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('imports from remoteEntry.js every chunk the entry needs, so the browser fetches them at once', async () => {
    const entry = await readFile(join(dir, 'dist', 'remoteEntry.js'), 'utf8');
    const chunks = await readdir(join(dir, 'dist', 'assets'));
    const imported = (code: string) => [...code.matchAll(/(?:from|import)\s*["'](\.\/?[^"']+\.js)["']/g)].map((m) => m[1]!.replace(/^\.\/(assets\/)?/, ''));
    // Every static import of every chunk the entry imports is also the entry's own.
    const direct = new Set(imported(entry));
    const reached = new Set<string>();
    const visit = async (name: string) => {
      if (reached.has(name)) return;
      reached.add(name);
      for (const next of imported(await readFile(join(dir, 'dist', 'assets', name), 'utf8'))) await visit(next);
    };
    for (const name of direct) await visit(name);
    expect(reached.size).toBeGreaterThan(1);
    expect([...reached].filter((name) => !direct.has(name))).toEqual([]);
    expect([...reached].every((name) => chunks.includes(name))).toBe(true);
  });

  it('still exposes the module and runs it in order', async () => {
    const entry = await import(join(dir, 'dist', 'remoteEntry.js'));
    expect(entry.format).toBe('tongxin-esm-remote');
    expect(entry.get('./App').default()).toBe('ab');
  });
});
