import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, htmlContentSecurityPolicy, remoteOrigins } from './index.ts';

/** The directives of a policy, by name. */
function directives(policy: string | null): Record<string, string[]> {
  return Object.fromEntries((policy ?? '').split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]));
}

function appWith(remoteUrls: string[]) {
  const app = new Hono();
  app.use('*', htmlContentSecurityPolicy({ remoteUrls: async () => remoteUrls }));
  app.get('/page', (c) => c.html('<!doctype html><title>t</title>'));
  app.get('/data', (c) => c.json({ ok: true }));
  return app;
}

describe('the Content-Security-Policy of the pages', () => {
  it('an HTML answer carries the strict policy: scripts from this origin only, no inline script, no framing, no base, no plugins', async () => {
    const response = await appWith(['/remotes/member/remoteEntry.js']).request('/page');
    const policy = directives(response.headers.get('content-security-policy'));
    expect(policy['default-src']).toEqual(["'self'"]);
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(policy['connect-src']).toEqual(["'self'"]);
    expect(policy['img-src']).toEqual(["'self'", 'data:', 'blob:']);
    expect(policy['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
    expect(policy['base-uri']).toEqual(["'none'"]);
    expect(policy['form-action']).toEqual(["'self'"]);
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(Object.values(policy).flat()).not.toContain("'unsafe-eval'");
  });

  it("a remote served from another origin is allowed for scripts, styles and fetches, by its origin only", async () => {
    const response = await appWith(['/remotes/member/remoteEntry.js', 'https://cdn.county.example:8443/secretary/v2/remoteEntry.js']).request('/page');
    const policy = directives(response.headers.get('content-security-policy'));
    expect(policy['script-src']).toEqual(["'self'", 'https://cdn.county.example:8443']);
    expect(policy['connect-src']).toEqual(["'self'", 'https://cdn.county.example:8443']);
    expect(policy['style-src']).toContain('https://cdn.county.example:8443');
  });

  it('a remotes.json url that is not http(s) cannot widen the policy (no data:, wildcard or keyword)', () => {
    expect(remoteOrigins(['data:text/javascript,alert(1)', '*', "'unsafe-inline'", 'javascript:alert(1)', 'http://', 'https://a.example/x.js; script-src *'])).toEqual([
      'https://a.example',
    ]);
    expect(contentSecurityPolicy(remoteOrigins(['https://a.example/x.js; script-src *']))).not.toContain('*');
  });

  it('a JSON answer is left without the page policy', async () => {
    const response = await appWith([]).request('/data');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBeNull();
  });
});
