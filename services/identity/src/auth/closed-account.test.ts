import type { RoleGrant } from '@tongxin/auth';
import { idTailDigest } from '@tongxin/ledger';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsRouter } from '../accounts/accounts-router.ts';
import { activationRouter } from '../accounts/activation-router.ts';
import { migrations } from '../migrations.ts';
import { passwordResetRouter } from '../password-reset/password-reset-router.ts';
import { applyRosterEventToIdentity } from '../people/apply-roster-event.ts';
import { seedIdentity } from '../testing/identity-fixture.ts';
import { addPerson, addUser, onboardingApp, pathOf, recordingChannel, seedTree, YX } from '../testing/onboarding-fixture.ts';

/**
 * A member transferred out of the county: identity closes the account (grants and sessions
 * end, `identity.account_closed`). Whoever knows its password, or holds a code sent before,
 * gets in no more, and is answered as for wrong credentials (auth/account-is-open.ts).
 */
let h: ServiceHarness;
const channel = recordingChannel();
let department = '';
const PASSWORD = 'plum-blossom-2026';
const ID_CARD = '43102319850301234X';
let phones = 0;
let ips = 0;
const peer = () => `203.0.113.${++ips}`;

beforeAll(async () => {
  h = await createServiceHarness(onboardingApp({ accounts: accountsRouter, activation: activationRouter, passwordReset: passwordResetRouter }), [migrations]);
  h.deps.messages = channel.messages;
  await seedIdentity(h.database);
  await seedTree(h.database);
  department = await addUser(h.database, 'yx', '13900000010', '组织部干部', [{ role: 'department' }]);
});
afterAll(() => h.close());

const asDepartment = { userId: department, tenantId: 'yx', roles: [{ role: 'department' }] as RoleGrant[] };
const login = (username: string, password: string) => h.mutate('/api/identity/trpc/auth.login', { input: { tenantId: 'yx', username, password }, peer: peer() });
const requestReset = async (phone: string) => {
  const answer = await h.mutate('/api/identity/trpc/passwordReset.request', { input: { tenantId: 'yx', phone }, peer: peer() });
  await h.settle();
  return answer;
};
const completeReset = (phone: string, code: string) =>
  h.mutate('/api/identity/trpc/passwordReset.complete', { input: { tenantId: 'yx', phone, code, newPassword: 'camellia-spring-88' }, peer: peer() });
const lastResetCode = (phone: string) => channel.sent.filter((m) => m.phone === phone && m.kind === 'reset').at(-1)?.params.code;

/** A member of branch A1 with a code from the department; `activate` redeems it. */
async function member() {
  const phone = `1360000${String(++phones).padStart(4, '0')}`;
  const memberId = await addPerson(h.database, 'yx', { name: '张三', branchId: YX.branchA1, phone, idCardNumber: ID_CARD });
  h.clock.now = new Date(h.clock.now.getTime() + 2 * 3600_000);
  const issued = await h.mutate('/api/identity/trpc/accounts.issue', { as: { ...asDepartment, userId: department }, input: { memberIds: [memberId], idempotencyKey: crypto.randomUUID() } });
  const code = issued.data.issued[0].code as string;
  return { memberId, phone, code };
}

/** Roster's event for a transfer out, as the relay delivers it. */
async function transferOut(memberId: string, phone: string, userId: string | null) {
  await applyRosterEventToIdentity(h.database, {
    id: crypto.randomUUID(),
    tenantId: 'yx',
    topic: 'roster.member_updated',
    createdAt: h.clock.now,
    payload: { memberId, userId, name: '张三', branchId: YX.branchA1, orgPath: pathOf(YX.branchA1), status: 'transferred_out', phone, idTailDigest: idTailDigest(memberId, ID_CARD) },
  });
}

describe('a closed account (the member transferred out)', () => {
  it('logs in no more with its right password, answered as a wrong password; the audit says why', async () => {
    const { memberId, phone, code } = await member();
    const activated = await h.mutate('/api/identity/trpc/activation.redeem', { input: { tenantId: 'yx', code, name: '张三', idTail: ID_CARD.slice(-6), password: PASSWORD }, peer: peer() });
    expect(activated.error).toBeNull();
    expect((await login(phone, PASSWORD)).status).toBe(200);
    const userId = (await h.database.owner.execute(sql`select id from identity.users where username = ${phone}`)).rows[0]!.id as string;

    await transferOut(memberId, phone, userId);
    const closed = await login(phone, PASSWORD);
    const wrong = await login(phone, 'not-the-password');
    expect(closed.status).toBe(401);
    expect(closed.error).toEqual(wrong.error);
    expect(closed.setCookies).toEqual([]);
    const audited = await h.database.owner.execute(sql`select detail from identity.audit_events where user_id = ${userId} and kind = 'login_failed' order by at`);
    expect(audited.rows.map((r) => r.detail)).toEqual([{ reason: 'account_closed' }, null]);
  });

  it('gets no reset code, and a code sent before the closure sets no password', async () => {
    const { memberId, phone, code } = await member();
    await h.mutate('/api/identity/trpc/activation.redeem', { input: { tenantId: 'yx', code, name: '张三', idTail: ID_CARD.slice(-6), password: PASSWORD }, peer: peer() });
    const userId = (await h.database.owner.execute(sql`select id from identity.users where username = ${phone}`)).rows[0]!.id as string;
    h.clock.now = new Date(h.clock.now.getTime() + 2 * 60_000); // past the phone's one message a minute (the activation code)
    expect((await requestReset(phone)).data).toEqual({ ok: true });
    const before = lastResetCode(phone)!;
    expect(before).toMatch(/^\d{6}$/);

    await transferOut(memberId, phone, userId);
    h.clock.now = new Date(h.clock.now.getTime() + 2 * 60_000);
    const sent = channel.sent.length;
    expect((await requestReset(phone)).data).toEqual({ ok: true });
    expect(channel.sent.length).toBe(sent);
    const refused = await completeReset(phone, before);
    expect(refused.error).toMatchObject({ code: 'UNAUTHORIZED' });
    expect((await login(phone, 'camellia-spring-88')).status).toBe(401);
  });

  it('an activation code issued before the transfer opens nothing', async () => {
    const { memberId, phone, code } = await member();
    await transferOut(memberId, phone, null);
    const redeemed = await h.mutate('/api/identity/trpc/activation.redeem', { input: { tenantId: 'yx', code, name: '张三', idTail: ID_CARD.slice(-6), password: PASSWORD }, peer: peer() });
    expect(redeemed.error).toMatchObject({ code: 'NOT_FOUND' });
    expect((await h.database.owner.execute(sql`select count(*)::int as n from identity.users where username = ${phone}`)).rows).toEqual([{ n: 0 }]);
  });
});
