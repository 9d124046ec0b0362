import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
