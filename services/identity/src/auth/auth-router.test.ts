import { ACCESS_COOKIE, SESSION_COOKIE, sessionIdFromToken } from '@tongxin/auth';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { migrations } from '../migrations.ts';
import { PASSWORD, seedIdentity } from '../testing/identity-fixture.ts';

let h: ServiceHarness;
let ids: Awaited<ReturnType<typeof seedIdentity>>;

beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  ids = await seedIdentity(h.database);
});
afterAll(() => h.close());
beforeEach(() => {
  h.clock.now = new Date(h.clock.now.getTime() + 24 * 3600_000); // each test starts on a fresh day: no leftover locks
});

const login = (username: string, password: string, tenantId = 'yx') =>
  h.mutate('/api/identity/trpc/auth.login', { input: { tenantId, username, password } });

function cookie(setCookies: string[], name: string): string | undefined {
  const line = setCookies.find((c) => c.startsWith(`${name}=`));
  return line?.slice(name.length + 1).split(';')[0];
}

async function audit(kind: string): Promise<number> {
  const result = await h.database.owner.execute(sql`select count(*)::int as n from identity.audit_events where kind = ${kind}`);
  return result.rows[0]!.n as number;
}

describe('logging in', () => {
  it('a member with the right password gets a session and an access token, and sees their roles', async () => {
    const result = await login('13800000001', PASSWORD);
    expect(result.status).toBe(200);
    expect(result.data.user.name).toBe('李明');
    expect(result.data.roles).toEqual([{ role: 'member', orgId: '00000000-0000-4000-8000-000000000001' }]);
    const session = result.setCookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(cookie(result.setCookies, ACCESS_COOKIE)).toBeTruthy();
  });

  it('stores only the SHA-256 of the session token', async () => {
    const result = await login('13800000001', PASSWORD);
    const token = cookie(result.setCookies, SESSION_COOKIE)!.split('.')[1]!;
    const stored = await h.database.owner.execute(sql`select id from identity.sessions`);
    const ids = stored.rows.map((r) => r.id);
    expect(ids).toContain(sessionIdFromToken(token));
    expect(ids).not.toContain(token);
  });

  it('a wrong password is refused without saying which part was wrong, and is audited', async () => {
    const before = await audit('login_failed');
    const wrong = await login('13800000001', 'not-the-password');
    const unknown = await login('13700000000', 'not-the-password');
    expect(wrong.error).toMatchObject({ code: 'UNAUTHORIZED', message: 'Wrong account or password' });
    expect(unknown.error).toEqual(wrong.error);
    expect(await audit('login_failed')).toBe(before + 2);
  });

  it('five failures lock the account for 15 minutes, for a real account and an unknown one alike', async () => {
    for (const username of ['13800000001', '13700000009']) {
      const answers = [];
      for (let i = 0; i < 6; i++) answers.push((await login(username, 'wrong-password!')).error?.code);
      expect(answers).toEqual(['UNAUTHORIZED', 'UNAUTHORIZED', 'UNAUTHORIZED', 'UNAUTHORIZED', 'TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS']);
    }
    // Locked means locked: the right password does not open it now…
    expect((await login('13800000001', PASSWORD)).error?.message).toMatch(/locked for 15 minutes/);
    // …but does after 15 minutes.
    h.clock.now = new Date(h.clock.now.getTime() + 15 * 60_000 + 1000);
    expect((await login('13800000001', PASSWORD)).status).toBe(200);
    expect(await audit('locked')).toBeGreaterThanOrEqual(2);
    expect(await audit('login_refused_locked')).toBeGreaterThanOrEqual(1);
  });

  it('a NUL or a lone surrogate anywhere in the input is BAD_REQUEST naming the field, not an outage', async () => {
    const nul = await login('13800000001', PASSWORD, 'y\u0000x');
    expect(nul.error).toMatchObject({ code: 'BAD_REQUEST', fields: { tenantId: 'unstorable_character' } });
    const surrogate = await login('\ud800', PASSWORD);
    expect(surrogate.error?.fields).toHaveProperty('username');
  });

  it('answers are never cached: they hold personal data, codes and links', async () => {
    const response = await h.request('/api/identity/trpc/auth.tenants');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('an unknown county is a clear NOT_FOUND', async () => {
    const result = await login('13800000001', PASSWORD, 'no-such-county');
    expect(result.error).toMatchObject({ code: 'NOT_FOUND', message: 'Unknown county (tenant)' });
  });

  it('a malformed body is BAD_REQUEST naming the field and writes nothing', async () => {
    const before = await h.database.owner.execute(sql`select count(*)::int as n from identity.audit_events`);
    const result = await h.mutate('/api/identity/trpc/auth.login', { input: { tenantId: 'yx', username: '', password: 7 } });
    expect(result.status).toBe(400);
    expect(result.error?.code).toBe('BAD_REQUEST');
    expect(Object.keys(result.error!.fields!)).toEqual(['username', 'password']);
    const after = await h.database.owner.execute(sql`select count(*)::int as n from identity.audit_events`);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it('an oversized body is refused with 413 before it is parsed', async () => {
    const response = await h.request('/api/identity/trpc/auth.login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tongxin-request': '1' },
      body: JSON.stringify({ tenantId: 'yx', username: 'x', password: 'y'.repeat(100_000) }),
    });
    expect(response.status).toBe(413);
  });

  it('a cross-site POST is refused: another Origin, or no custom header', async () => {
    const crossSite = await h.mutate('/api/identity/trpc/auth.login', {
      input: { tenantId: 'yx', username: '13800000001', password: PASSWORD },
      headers: { origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);
    const response = await h.request('/api/identity/trpc/auth.login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenantId: 'yx', username: '13800000001', password: PASSWORD }),
    });
    expect(response.status).toBe(403);
  });

  it('the audit trail is append-only, even for the owner', async () => {
    await expect(h.database.owner.execute(sql`delete from identity.audit_events`)).rejects.toThrow();
    await expect(h.database.owner.execute(sql`update identity.audit_events set ip = 'x'`)).rejects.toThrow();
  });
});

describe('sessions', () => {
  async function session() {
    const result = await login('13800000001', PASSWORD);
    return { [SESSION_COOKIE]: cookie(result.setCookies, SESSION_COOKIE)! };
  }
  const refresh = (cookies: Record<string, string>) => h.mutate('/api/identity/trpc/auth.refresh', { cookies });

  it('refresh mints a new access token from a live session', async () => {
    const cookies = await session();
    const result = await refresh(cookies);
    expect(result.status).toBe(200);
    expect(cookie(result.setCookies, ACCESS_COOKIE)).toBeTruthy();
  });

  it('expires after 30 idle minutes, and slides while used', async () => {
    const cookies = await session();
    h.clock.now = new Date(h.clock.now.getTime() + 25 * 60_000);
    expect((await refresh(cookies)).status).toBe(200);
    h.clock.now = new Date(h.clock.now.getTime() + 25 * 60_000);
    expect((await refresh(cookies)).status).toBe(200);
    h.clock.now = new Date(h.clock.now.getTime() + 31 * 60_000);
    expect((await refresh(cookies)).error?.code).toBe('UNAUTHORIZED');
  });

  it('ends after 12 hours however much it is used', async () => {
    const cookies = await session();
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      h.clock.now = new Date(h.clock.now.getTime() + 20 * 60_000);
      expect((await refresh(cookies)).status).toBe(200);
    }
    h.clock.now = new Date(h.clock.now.getTime() + 20 * 60_000);
    expect((await refresh(cookies)).error?.code).toBe('UNAUTHORIZED');
  });

  it('logout ends the session and is audited', async () => {
    const cookies = await session();
    const before = await audit('logout');
    expect((await h.mutate('/api/identity/trpc/auth.logout', { cookies })).status).toBe(200);
    expect((await refresh(cookies)).error?.code).toBe('UNAUTHORIZED');
    expect(await audit('logout')).toBe(before + 1);
  });

  it('a password change ends every session of the user and checks the new password', async () => {
    const first = await session();
    const second = await session();
    const as = { userId: ids.memberId, tenantId: 'yx', roles: [] };
    const weak = await h.mutate('/api/identity/trpc/auth.changePassword', { as, input: { currentPassword: PASSWORD, newPassword: 'short' } });
    expect(weak.error).toMatchObject({ code: 'BAD_REQUEST', fields: { newPassword: 'password_too_short' } });
    const common = await h.mutate('/api/identity/trpc/auth.changePassword', { as, input: { currentPassword: PASSWORD, newPassword: '1234567890' } });
    expect(common.error?.fields?.newPassword).toBe('password_common');
    const changed = await h.mutate('/api/identity/trpc/auth.changePassword', { as, input: { currentPassword: PASSWORD, newPassword: 'new-orange-grove-7' } });
    expect(changed.status).toBe(200);
    expect((await refresh(first)).error?.code).toBe('UNAUTHORIZED');
    expect((await refresh(second)).error?.code).toBe('UNAUTHORIZED');
    expect((await login('13800000001', 'new-orange-grove-7')).status).toBe(200);
    // put it back for the other tests
    await h.mutate('/api/identity/trpc/auth.changePassword', { as, input: { currentPassword: 'new-orange-grove-7', newPassword: PASSWORD } });
  });
});

describe('who may call what', () => {
  it('auth.me answers a logged-in user and refuses an anonymous one', async () => {
    const me = await h.query('/api/identity/trpc/auth.me', { as: { userId: ids.memberId, tenantId: 'yx', roles: [{ role: 'department' }] } });
    expect(me.data.roles).toEqual([{ role: 'department' }]);
    expect((await h.query('/api/identity/trpc/auth.me')).error?.code).toBe('UNAUTHORIZED');
  });

  it('auth.changePassword refuses an anonymous caller', async () => {
    const result = await h.mutate('/api/identity/trpc/auth.changePassword', { input: { currentPassword: PASSWORD, newPassword: 'whatever-long-1' } });
    expect(result.error?.code).toBe('UNAUTHORIZED');
  });

  it('auth.tenants lists the counties to anyone, then the cities (their departments log in too), then the platform (its operators)', async () => {
    const result = await h.query('/api/identity/trpc/auth.tenants');
    expect(result.data).toEqual([
      { id: 'rc', name: '汝城县', suspended: false },
      { id: 'yx', name: '永兴县', suspended: false },
      { id: 'cz', name: '郴州市', suspended: false },
      { id: 'platform', name: '平台运营', suspended: false },
    ]);
  });

  it('a session of one county cannot be refreshed as another county', async () => {
    const result = await login('13800000001', PASSWORD);
    const token = cookie(result.setCookies, SESSION_COOKIE)!.split('.')[1]!;
    expect((await h.mutate('/api/identity/trpc/auth.refresh', { cookies: { [SESSION_COOKIE]: `rc.${token}` } })).error?.code).toBe('UNAUTHORIZED');
  });
});
