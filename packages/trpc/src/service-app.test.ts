import { describe, expect, it } from 'vitest';
import { router } from './trpc.ts';
import { createServiceApp } from './service-app.ts';

// The answers of a service hold personal data: none is cached (issue 13 F), whatever kind of
// Response a route returns. The tRPC answers themselves are tested through each service.
describe('a service app', () => {
  it('marks a plain route’s answer no-store, also one whose headers are immutable (a redirect)', async () => {
    const app = createServiceApp('demo', router({}));
    app.get('/api/demo/moved', () => Response.redirect('http://127.0.0.1/elsewhere', 302));
    app.get('/api/demo/plain', (c) => c.json({ ok: true }));
    const moved = await app.request('/api/demo/moved');
    expect(moved.status).toBe(302);
    expect(moved.headers.get('location')).toBe('http://127.0.0.1/elsewhere');
    expect(moved.headers.get('cache-control')).toBe('no-store');
    const plain = await app.request('/api/demo/plain');
    expect(await plain.json()).toEqual({ ok: true });
    expect(plain.headers.get('cache-control')).toBe('no-store');
  });
});
