import { SESSION_COOKIE } from '@tongxin/auth';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { hashCode } from '../codes/single-use-code.ts';
import { migrations } from '../migrations.ts';
import { PASSWORD, seedIdentity } from '../testing/identity-fixture.ts';
import { addUser, onboardingApp, recordingChannel, YX } from '../testing/onboarding-fixture.ts';
import { passwordResetRouter } from './password-reset-router.ts';

let h: ServiceHarness;
const channel = recordingChannel();
const NEW_PASSWORD = 'camellia-spring-88';

beforeAll(async () => {
  h = await createServiceHarness(onboardingApp({ passwordReset: passwordResetRouter }), [migrations]);
  h.deps.messages = channel.messages;
  await seedIdentity(h.database);
});
afterAll(() => h.close());
beforeEach(() => {
  h.clock.now = new Date(h.clock.now.getTime() + 2 * 3600_000);
});

let phones = 0;
let ips = 0;
const freshIp = () => `192.0.2.${++ips}`;
/** A member of branch A1 with an account under a fresh phone. */
async function account(tenantId = 'yx', phone = `1350000${String(++phones).padStart(4, '0')}`) {
  const userId = await addUser(h.database, tenantId, phone, '张三', [{ role: 'member', orgId: YX.branchA1 }]);
  return { userId, phone };
}
/** The request, then what runs after its answer (the code's SMS). */
async function request(phone: string, ip = freshIp(), tenantId = 'yx') {
  const answer = await h.mutate('/api/identity/trpc/passwordReset.request', { input: { tenantId, phone }, peer: ip });
  await h.settle();
  return answer;
}
const complete = (phone: string, code: string, ip = freshIp(), tenantId = 'yx', newPassword = NEW_PASSWORD) =>
  h.mutate('/api/identity/trpc/passwordReset.complete', { input: { tenantId, phone, code, newPassword }, peer: ip });
const login = (username: string, password: string, tenantId = 'yx') => h.mutate('/api/identity/trpc/auth.login', { input: { tenantId, username, password } });
const lastCode = (phone: string) => channel.sent.filter((m) => m.phone === phone && m.kind === 'reset').at(-1)?.params.code;
const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('passwordReset.request', () => {
  it('sends no code for 14 days to a phone staff set on an account holding more than a member grant', async () => {
    const secretaryPhone = `1350000${String(++phones).padStart(4, '0')}`;
    const wider = await addUser(h.database, 'yx', secretaryPhone, '王书记', [{ role: 'member', orgId: YX.branchA1 }, { role: 'secretary', orgId: YX.branchA1 }]);
    const plain = await account();
    await h.database.owner.execute(sql`update identity.users set username_set_by_staff_at = ${h.clock.now.toISOString()}::timestamptz where id in (${wider}, ${plain.userId})`);
    const sent = channel.sent.length;
    expect((await request(secretaryPhone)).data).toEqual({ ok: true });
    expect(channel.sent.length).toBe(sent);
    // A member-only account is within the changing secretary's scope: it still gets its code.
    expect((await request(plain.phone)).data).toEqual({ ok: true });
    expect(lastCode(plain.phone)).toMatch(/^\d{6}$/);
    h.clock.now = new Date(h.clock.now.getTime() + 14 * 86_400_000 + 1000);
    await request(secretaryPhone);
    expect(lastCode(secretaryPhone)).toMatch(/^\d{6}$/);
  });

  it('sends a 6-digit code to the phone of an account, valid 15 minutes, stored only as its hash', async () => {
    const { userId, phone } = await account();
    const result = await request(phone);
    expect(result.data).toEqual({ ok: true });
    const code = lastCode(phone)!;
    expect(code).toMatch(/^\d{6}$/);
    const stored = (await h.database.owner.execute(sql`select code_hash, expires_at from identity.reset_codes where user_id = ${userId}`)).rows;
    expect(stored).toHaveLength(1);
    expect(stored[0]!.code_hash).toBe(hashCode(code));
    expect(new Date(stored[0]!.expires_at as string).getTime() - h.clock.now.getTime()).toBe(15 * 60_000);
  });

  it('answers a phone without an account the same way, and sends nothing', async () => {
    const sent = channel.sent.length;
    const result = await request('13599999999');
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ ok: true });
    expect(channel.sent.length).toBe(sent);
  });

  it('an account that no longer holds any role (a member transferred out) gets no code', async () => {
    const { userId, phone } = await account();
    await h.database.owner.execute(sql`delete from identity.role_assignments where user_id = ${userId}`);
    expect((await request(phone)).data).toEqual({ ok: true });
    expect(lastCode(phone)).toBeUndefined();
  });

  it('limits requests per phone, for an account and an unknown phone alike', async () => {
    const { phone } = await account();
    for (const target of [phone, '13588888888']) {
      const answers = [];
      for (let i = 0; i < 6; i++) {
        answers.push((await request(target)).error?.code ?? 'ok');
        h.clock.now = new Date(h.clock.now.getTime() + 61_000);
      }
      expect(answers).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'TOO_MANY_REQUESTS']);
    }
  });

  it('limits requests per client address', async () => {
    const ip = freshIp();
    const answers = [];
    for (let i = 0; i < 21; i++) answers.push((await request(`1357777${String(i).padStart(4, '0')}`, ip)).error?.code ?? 'ok');
    expect(answers.slice(0, 20).every((a) => a === 'ok')).toBe(true);
    expect(answers[20]).toBe('TOO_MANY_REQUESTS');
    expect((await request('13577770000', freshIp())).status).toBe(200);
  });

  it('a suspended county refuses', async () => {
    const { phone } = await account();
    await h.database.owner.execute(sql`update identity.tenants set suspended_at = now() where id = 'yx'`);
    try {
      expect((await request(phone)).error).toMatchObject({ code: 'FORBIDDEN', message: 'This county is suspended' });
      expect((await complete(phone, '123456')).error).toMatchObject({ code: 'FORBIDDEN', message: 'This county is suspended' });
    } finally {
      await h.database.owner.execute(sql`update identity.tenants set suspended_at = null where id = 'yx'`);
    }
  });

  it('bad input names the field', async () => {
    const result = await h.mutate('/api/identity/trpc/passwordReset.request', { input: { tenantId: 'yx', phone: 'my phone' } });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { phone: 'invalid_format' } });
  });
});

/**
 * The statements a request runs, by their text (parameters apart), on PGlite: its client's
 * transactions are wrapped to record each query. Null on a server driver.
 */
async function statementsOf(call: () => Promise<unknown>): Promise<string[] | null> {
  const client = (h.database.owner as unknown as { $client: { transaction?: (fn: (tx: any) => Promise<unknown>) => Promise<unknown> } }).$client;
  if (h.database.driver !== 'pglite' || !client.transaction) return null;
  const original = client.transaction;
  const seen: string[] = [];
  client.transaction = (fn) =>
    original.call(client, (tx: { query: (...args: any[]) => Promise<unknown> }) => {
      const query = tx.query.bind(tx);
      tx.query = (text: string, ...rest: unknown[]) => (seen.push(text.replace(/\s+/g, ' ')), query(text, ...rest));
      return fn(tx);
    });
  try {
    await call();
  } finally {
    client.transaction = original;
  }
  return seen;
}

describe('passwordReset.request takes the same work with or without an account (issue 13 E)', () => {
  const answerOnly = (phone: string) => h.mutate('/api/identity/trpc/passwordReset.request', { input: { tenantId: 'yx', phone }, peer: freshIp() });

  it('the request itself sends no SMS and stores no code, for an account or not; the code goes out after the answer', async () => {
    await h.settle();
    const { userId, phone } = await account();
    const codes = async () => (await h.database.owner.execute(sql`select count(*)::int as n from identity.reset_codes where user_id = ${userId}`)).rows;
    const sent = channel.sent.length;
    for (const [i, asked] of [phone, '13599999998'].entries()) {
      expect((await answerOnly(asked)).data).toEqual({ ok: true });
      expect(h.deferredCount()).toBe(i + 1);
    }
    expect(channel.sent.length).toBe(sent);
    expect(await codes()).toEqual([{ n: 0 }]);
    await h.settle();
    expect(channel.sent.slice(sent).map((m) => m.phone)).toEqual([phone]);
    expect(await codes()).toEqual([{ n: 1 }]);
  });

  it('the request runs the same statements for a phone with an account as for one without', async () => {
    await h.settle();
    const { phone } = await account();
    const withAccount = await statementsOf(() => answerOnly(phone));
    const without = await statementsOf(() => answerOnly('13599999997'));
    await h.settle();
    if (withAccount === null) return; // a server driver: the test above covers it
    expect(withAccount.length).toBeGreaterThan(3);
    expect(without).toEqual(withAccount);
  });
});

describe('passwordReset.complete', () => {
  it('sets the new password, ends every old session and logs in with a fresh one', async () => {
    const { userId, phone } = await account();
    const old = await login(phone, PASSWORD);
    const oldSession = old.setCookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`))!.split(';')[0]!.slice(SESSION_COOKIE.length + 1);
    await request(phone);
    const result = await complete(phone, lastCode(phone)!);
    expect(result.status).toBe(200);
    expect(result.data.user.id).toBe(userId);
    expect(result.setCookies.some((c) => c.startsWith(`${SESSION_COOKIE}=`))).toBe(true);
    const refresh = await h.mutate('/api/identity/trpc/auth.refresh', { cookies: { [SESSION_COOKIE]: oldSession } });
    expect(refresh.error?.code).toBe('UNAUTHORIZED');
    expect((await login(phone, PASSWORD)).error?.code).toBe('UNAUTHORIZED');
    expect((await login(phone, NEW_PASSWORD)).status).toBe(200);
    const audited = await h.database.owner.execute(sql`select count(*)::int as n from identity.audit_events where kind = 'password_reset' and user_id = ${userId}`);
    expect(audited.rows[0]!.n).toBe(1);
    // The code is used.
    expect((await complete(phone, lastCode(phone)!)).error?.code).toBe('UNAUTHORIZED');
  });

  it('a reset opens an account its owner had locked with wrong passwords', async () => {
    const { phone } = await account();
    for (let i = 0; i < 5; i++) await login(phone, 'not-my-password');
    expect((await login(phone, PASSWORD)).error?.code).toBe('TOO_MANY_REQUESTS');
    await request(phone);
    expect((await complete(phone, lastCode(phone)!)).status).toBe(200);
    expect((await login(phone, NEW_PASSWORD)).status).toBe(200);
  });

  it('a wrong code, or a phone without an account, gets the same answer; five wrong codes end the code', async () => {
    const { phone } = await account();
    await request(phone);
    const code = lastCode(phone)!;
    const unknown = await complete('13566666666', code);
    expect(unknown.error).toMatchObject({ code: 'UNAUTHORIZED', reason: 'code_invalid', fields: null });
    for (let i = 0; i < 5; i++) expect((await complete(phone, wrongCode(code))).error).toEqual(unknown.error);
    expect((await complete(phone, code)).error).toEqual(unknown.error);
    const failed = await h.database.owner.execute(sql`select count(*)::int as n from identity.audit_events where kind = 'reset_failed' and username = ${phone}`);
    expect(failed.rows[0]!.n).toBe(6);
  });

  it('a code expires after 15 minutes', async () => {
    const { phone } = await account();
    await request(phone);
    h.clock.now = new Date(h.clock.now.getTime() + 15 * 60_000 + 1000);
    expect((await complete(phone, lastCode(phone)!)).error?.code).toBe('UNAUTHORIZED');
  });

  it('either of two codes sent a minute apart works', async () => {
    const { phone } = await account();
    await request(phone);
    const first = lastCode(phone)!;
    h.clock.now = new Date(h.clock.now.getTime() + 61_000);
    await request(phone);
    expect(lastCode(phone)).not.toBe(first);
    expect((await complete(phone, first)).status).toBe(200);
  });

  it('twenty failures from one client address lock it', async () => {
    const ip = freshIp();
    const answers = [];
    for (let i = 0; i < 21; i++) answers.push((await complete('13566660000', '000000', ip)).error?.code);
    expect(answers.slice(0, 20).every((a) => a === 'UNAUTHORIZED')).toBe(true);
    expect(answers[20]).toBe('TOO_MANY_REQUESTS');
  });

  it("a code sent in one county does not reset the same phone's account in another", async () => {
    const phone = '13512340000';
    await account('yx', phone);
    await account('rc', phone);
    await request(phone, freshIp(), 'yx');
    const code = lastCode(phone)!;
    expect((await complete(phone, code, freshIp(), 'rc')).error?.code).toBe('UNAUTHORIZED');
    expect((await complete(phone, code, freshIp(), 'yx')).status).toBe(200);
  });

  it('bad input names the field', async () => {
    const result = await h.mutate('/api/identity/trpc/passwordReset.complete', { input: { tenantId: 'yx', phone: '13500000001', code: '12', newPassword: 'short' } });
    expect(result.error?.code).toBe('BAD_REQUEST');
    expect(Object.keys(result.error!.fields!).sort()).toEqual(['code', 'newPassword']);
  });

  it('no code, password or phone reaches the console', async () => {
    const lines: string[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' '))),
    );
    let code = '';
    let phone = '';
    try {
      ({ phone } = await account());
      await request(phone);
      code = lastCode(phone)!;
      await complete(phone, wrongCode(code));
      await complete(phone, code);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    const output = lines.join('\n');
    for (const secret of [code, phone, NEW_PASSWORD]) expect(output).not.toContain(secret);
  });
});
