import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { createNodeApp } from './node-app.ts';

// A data folder and built frontends of our own: the shell's page, one asset, one remote entry.
const root = mkdtempSync(join(tmpdir(), 'tongxin-node-app-'));
const dataDir = join(root, 'data');
const frontends = join(root, 'frontends');
mkdirSync(dataDir);
mkdirSync(join(frontends, 'shell', 'dist', 'assets'), { recursive: true });
for (const remote of ['member', 'secretary', 'department', 'operator']) mkdirSync(join(frontends, remote, 'dist'), { recursive: true });
writeFileSync(join(frontends, 'shell', 'dist', 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/index.js"></script></head><body></body></html>');
writeFileSync(join(frontends, 'shell', 'dist', 'assets', 'index.js'), 'export {};');
writeFileSync(join(frontends, 'member', 'dist', 'remoteEntry.js'), 'export {};');
// A hashed chunk as the build leaves it: beside its brotli and gzip copies (@tongxin/ui/precompress).
const chunk = `export const words = ${JSON.stringify('同心'.repeat(500))};`;
mkdirSync(join(frontends, 'member', 'dist', 'assets'));
for (const dir of [join(frontends, 'shell', 'dist', 'assets'), join(frontends, 'member', 'dist', 'assets')]) {
  writeFileSync(join(dir, 'app-Bx3_k9Qz.js'), chunk);
  writeFileSync(join(dir, 'app-Bx3_k9Qz.js.br'), brotliCompressSync(chunk));
  writeFileSync(join(dir, 'app-Bx3_k9Qz.js.gz'), gzipSync(chunk));
}
afterAll(() => rmSync(root, { recursive: true, force: true }));

const app = createNodeApp({ dataDir, frontends });

describe('the Node host: unknown API paths', () => {
  it('GET of an unknown API path answers a JSON 404, not the shell page', async () => {
    for (const path of ['/api/unknown', '/api/roster/unknown', '/api/identity/trpc-not', '/api/nope/deeper/still']) {
      const response = await app.request(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type'), path).toMatch(/^application\/json/);
      expect(await response.json(), path).toEqual({ error: { code: 'NOT_FOUND', message: expect.stringContaining(path) } });
    }
  });

  it('any method on an unknown API path answers the same JSON 404', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const response = await app.request('/api/unknown', { method });
      expect(response.status, method).toBe(404);
      expect((await response.json()).error.code, method).toBe('NOT_FOUND');
    }
    const head = await app.request('/api/unknown', { method: 'HEAD' });
    expect(head.status).toBe(404);
  });

  it('a client route still gets the shell page', async () => {
    const response = await app.request('/member/points');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<!doctype html>');
  });
});

describe('the Node host: security headers', () => {
  it('the shell page, on every client route, carries the Content-Security-Policy', async () => {
    for (const path of ['/', '/index.html', '/login', '/member', '/secretary/roster', '/apix']) {
      const response = await app.request(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-security-policy'), path).toContain("script-src 'self'");
      expect(response.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
    }
  });

  it('a remote moved to another origin in remotes.json is allowed by the next page, without a restart', async () => {
    writeFileSync(join(dataDir, 'remotes.json'), JSON.stringify([{ name: 'secretary', url: 'https://remotes.county.example/secretary/remoteEntry.js' }]));
    const policy = (await app.request('/secretary')).headers.get('content-security-policy');
    expect(policy).toContain("script-src 'self' https://remotes.county.example;");
    expect(policy).toContain("connect-src 'self' https://remotes.county.example;");
    rmSync(join(dataDir, 'remotes.json'));
    expect((await app.request('/secretary')).headers.get('content-security-policy')).toContain("script-src 'self';");
  });

  it('every answer, API, page, asset, remote and 404, says nosniff and sends no referrer', async () => {
    for (const path of ['/', '/assets/index.js', '/remotes/member/remoteEntry.js', '/remotes.json', '/api/unknown', '/api/roster/trpc/nothing.here']) {
      const response = await app.request(path);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
  });
});

describe('the Node host: compression and caching of the built files (issue 18)', () => {
  const hashed = ['/assets/app-Bx3_k9Qz.js', '/remotes/member/assets/app-Bx3_k9Qz.js'];

  it('a hashed chunk goes out as brotli to a browser that accepts it, as gzip to one that accepts only gzip, and plain otherwise', async () => {
    for (const path of hashed) {
      const br = await app.request(path, { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
      expect(br.headers.get('content-encoding'), path).toBe('br');
      expect(br.headers.get('content-type'), path).toMatch(/^text\/javascript/);
      expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString(), path).toBe(chunk);
      const gz = await app.request(path, { headers: { 'accept-encoding': 'gzip' } });
      expect(gz.headers.get('content-encoding'), path).toBe('gzip');
      expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString(), path).toBe(chunk);
      const plain = await app.request(path, { headers: { 'accept-encoding': 'identity' } });
      expect(plain.headers.get('content-encoding'), path).toBeNull();
      expect(await plain.text(), path).toBe(chunk);
      for (const response of [br, gz, plain]) expect(response.headers.get('vary'), path).toMatch(/accept-encoding/i);
    }
  });

  it('a remote built without precompressed copies still goes out gzipped', async () => {
    writeFileSync(join(frontends, 'secretary', 'dist', 'remoteEntry.js'), chunk);
    const response = await app.request('/remotes/secretary/remoteEntry.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await response.arrayBuffer())).toString()).toBe(chunk);
  });

  it('a hashed chunk is cached for a year as immutable; the page, remotes.json and a remote entry are revalidated on every use', async () => {
    for (const path of hashed) expect((await app.request(path)).headers.get('cache-control'), path).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/index.html', '/member', '/login', '/remotes.json', '/remotes/member/remoteEntry.js']) {
      const response = await app.request(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe('no-cache');
    }
  });

  it('a chunk that is not in this build is a 404 that nobody caches, never the shell page', async () => {
    for (const path of ['/assets/app-Old0Hash.js', '/remotes/member/assets/app-Old0Hash.js', '/remotes/nobody/remoteEntry.js']) {
      const response = await app.request(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('cache-control'), path).toBeNull();
      expect(await response.text(), path).not.toContain('<!doctype html>');
    }
  });
});

describe('the Node host: /remotes.json', () => {
  it('says how each remote is built: the member as an ES module, the others as federation containers', async () => {
    rmSync(join(dataDir, 'remotes.json'), { force: true });
    const remotes = (await (await app.request('/remotes.json')).json()) as { name: string; url: string; format: string }[];
    expect(remotes).toEqual([
      { name: 'member', url: '/remotes/member/remoteEntry.js', format: 'esm' },
      { name: 'secretary', url: '/remotes/secretary/remoteEntry.js', format: 'federation' },
      { name: 'department', url: '/remotes/department/remoteEntry.js', format: 'federation' },
      { name: 'operator', url: '/remotes/operator/remoteEntry.js', format: 'federation' },
    ]);
  });

  it('an entry written before the format was listed gets its remote\'s format; one that names it keeps it', async () => {
    writeFileSync(
      join(dataDir, 'remotes.json'),
      JSON.stringify([
        { name: 'member', url: '/remotes/member/remoteEntry.js' },
        { name: 'secretary', url: 'https://remotes.county.example/secretary/remoteEntry.js', format: 'esm' },
        { name: 'extra', url: '/remotes/extra/remoteEntry.js' },
      ]),
    );
    const remotes = (await (await app.request('/remotes.json')).json()) as { name: string; format: string }[];
    expect(Object.fromEntries(remotes.map((remote) => [remote.name, remote.format]))).toEqual({ member: 'esm', secretary: 'esm', extra: 'federation', department: 'federation', operator: 'federation' });
    rmSync(join(dataDir, 'remotes.json'));
  });
});
