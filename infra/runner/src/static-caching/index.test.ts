import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { cacheControlFor, staticCaching } from './index.ts';

describe('the caching of built files (issue 18)', () => {
  it('a file named by its hash is immutable for a year, wherever its build is served', () => {
    for (const path of ['/assets/index-DycnQg9Z.js', '/assets/index-DLq9muVr.css', '/remotes/member/assets/tasks-page-BTU7FWBw.js', '/remotes/member/assets/mf-entry-bootstrap-0-ec254a46.js']) {
      expect(cacheControlFor(path), path).toBe('public, max-age=31536000, immutable');
    }
  });

  it('the files that name the current build are revalidated: the page, remotes.json, a remote entry, the service worker', () => {
    for (const path of ['/', '/index.html', '/member', '/remotes.json', '/remotes/member/remoteEntry.js', '/sw.js', '/manifest.webmanifest', '/assets/logo.svg']) {
      expect(cacheControlFor(path), path).toBe('no-cache');
    }
  });

  it('an API answer and a 404 keep their own headers', async () => {
    const app = new Hono();
    app.use('*', staticCaching());
    app.get('/api/x', (c) => c.json({}));
    app.get('/assets/app-Bx3_k9Qz.js', (c) => c.text('', 200));
    const api = await app.request('/api/x');
    expect(api.headers.get('cache-control')).toBeNull();
    expect((await app.request('/assets/none-Bx3_k9Qz.js')).headers.get('cache-control')).toBeNull();
    expect((await app.request('/assets/app-Bx3_k9Qz.js')).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});
