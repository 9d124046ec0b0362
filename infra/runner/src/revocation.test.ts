import { ACCESS_COOKIE, SESSION_COOKIE } from '@tongxin/auth';
import type { ServiceHarness } from '@tongxin/trpc/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from './seed/demo-accounts.ts';
import { createPlatformHarness } from './testing/platform-harness.ts';

let h: ServiceHarness;
beforeAll(async () => {
  h = await createPlatformHarness({ members: 10 });
});
afterAll(() => h.close());

function cookies(setCookies: string[]): Record<string, string> {
  return Object.fromEntries(setCookies.map((c) => c.split(';')[0]!.split('=') as [string, string]).filter(([, v]) => v));
}

describe('a session ended in identity', () => {
  it('stops working in every other service within 60 seconds, without them calling identity', async () => {
    const login = await h.mutate('/api/identity/trpc/auth.login', { input: { tenantId: '431023', username: '13800000001', password: DEMO_PASSWORD } });
    const jar = cookies(login.setCookies);
    expect(jar[SESSION_COOKIE]).toBeTruthy();
    const me = () => h.query('/api/roster/trpc/members.me', { cookies: { [ACCESS_COOKIE]: jar[ACCESS_COOKIE]! } });
    expect((await me()).data.name).toBe('李明');

    const loggedOutAt = h.clock.now.getTime();
    await h.mutate('/api/identity/trpc/auth.logout', { cookies: jar });
    // identity will not mint another token…
    expect((await h.mutate('/api/identity/trpc/auth.refresh', { cookies: jar })).error?.code).toBe('UNAUTHORIZED');
    // …and the last one is honoured at most until it expires.
    h.clock.now = new Date(loggedOutAt + 59_000);
    expect((await me()).status).toBe(200);
    h.clock.now = new Date(loggedOutAt + 60_000);
    expect((await me()).error?.code).toBe('UNAUTHORIZED');
  });
});
