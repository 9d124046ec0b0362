import { ACCESS_COOKIE, SESSION_COOKIE, type RoleGrant } from '@tongxin/auth';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { migrations } from '../migrations.ts';
import { ACTIVATION_CLIENT_FAILURES } from '../throttle/throttle.ts';
import { appointments } from '../schema.ts';
import { PASSWORD, seedIdentity } from '../testing/identity-fixture.ts';
import { addPerson, addUser, onboardingApp, pathOf, recordingChannel, RC, seedTree, YX } from '../testing/onboarding-fixture.ts';
import { accountsRouter } from './accounts-router.ts';
import { activationRouter } from './activation-router.ts';

let h: ServiceHarness;
const channel = recordingChannel();
let department = '';
let rcDepartment = '';
const NEW_PASSWORD = 'plum-blossom-2026';
const ID_CARD = '43102319850301234X';

beforeAll(async () => {
  h = await createServiceHarness(onboardingApp({ accounts: accountsRouter, activation: activationRouter }), [migrations]);
  h.deps.messages = channel.messages;
  await seedIdentity(h.database);
  await seedTree(h.database);
  department = await addUser(h.database, 'yx', '13900000010', '组织部干部', [{ role: 'department' }]);
  rcDepartment = await addUser(h.database, 'rc', '13900000012', '汝城组织部', [{ role: 'department' }]);
});
afterAll(() => h.close());
beforeEach(() => {
  h.clock.now = new Date(h.clock.now.getTime() + 2 * 3600_000);
});

let phones = 0;
/** A member of branch A1 with a fresh phone, and a code issued to them by the department. */
async function memberWithCode(name = '张三', tenantId = 'yx') {
  const phone = `1360000${String(++phones).padStart(4, '0')}`;
  const branchId = tenantId === 'yx' ? YX.branchA1 : RC.branch;
  const memberId = await addPerson(h.database, tenantId, { name, branchId, phone, idCardNumber: ID_CARD });
  const as = { userId: tenantId === 'yx' ? department : rcDepartment, tenantId, roles: [{ role: 'department' }] as RoleGrant[] };
  const issued = await h.mutate('/api/identity/trpc/accounts.issue', { as, input: { memberIds: [memberId], idempotencyKey: crypto.randomUUID() } });
  return { memberId, phone, code: issued.data.issued[0].code as string };
}

const redeem = (input: object, ip = '198.51.100.7') =>
  h.mutate('/api/identity/trpc/activation.redeem', { input: { tenantId: 'yx', password: NEW_PASSWORD, ...input }, peer: ip });
const check = (code: string, tenantId = 'yx', ip = '198.51.100.7') =>
  h.query('/api/identity/trpc/activation.check', { input: { tenantId, code }, peer: ip });
const count = async (query: ReturnType<typeof sql>) => (await h.database.owner.execute(query)).rows[0]!.n as number;
let ips = 0;
/** Each test that counts failures comes from its own address, so the per-client limit stays its own. */
const freshIp = () => `203.0.113.${++ips}`;

describe('activation.check', () => {
  it("answers a usable code with the county's name and nothing about the person", async () => {
    const { code } = await memberWithCode();
    const result = await check(code);
    expect(result.data).toEqual({ tenantName: '永兴县' });
  });

  it('an unknown code, or a code of another county, is no longer valid', async () => {
    expect((await check('ABCDE-FGHJK')).error).toMatchObject({ code: 'NOT_FOUND', message: 'This link is no longer valid' });
    const { code } = await memberWithCode('刘九', 'rc');
    expect((await check(code, 'rc')).status).toBe(200);
    expect((await check(code, 'yx')).error?.code).toBe('NOT_FOUND');
  });

  it('accepts the code typed by hand: lower case, without the dash', async () => {
    const { code } = await memberWithCode();
    expect((await check(code.replace('-', '').toLowerCase())).status).toBe(200);
  });
});

describe('activation.redeem', () => {
  it('a member with their name and the last 6 of their ID sets a password and is logged in', async () => {
    const { memberId, phone, code } = await memberWithCode('张三');
    const result = await redeem({ code, name: ' 张三 ', idTail: '01234x' });
    expect(result.status).toBe(200);
    expect(result.data.user.name).toBe('张三');
    expect(result.data.roles).toEqual([{ role: 'member', orgId: YX.branchA1 }]);
    expect(result.setCookies.some((c) => c.startsWith(`${SESSION_COOKIE}=`))).toBe(true);
    expect(result.setCookies.some((c) => c.startsWith(`${ACCESS_COOKIE}=`))).toBe(true);

    const person = (await h.database.owner.execute(sql`select user_id from identity.people where member_id = ${memberId}`)).rows[0]!;
    expect(person.user_id).toBe(result.data.user.id);
    const event = (await h.database.owner.execute(sql`select payload from identity.outbox where topic = 'identity.account_activated' and payload->>'memberId' = ${memberId}`)).rows[0];
    expect(event?.payload).toEqual({ memberId, userId: result.data.user.id });
    expect(await count(sql`select count(*)::int as n from identity.audit_events where kind = 'activated' and user_id = ${result.data.user.id}`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from identity.activation_codes where member_id = ${memberId} and used_at is not null`)).toBe(1);

    // The ledger's phone is the username.
    const login = await h.mutate('/api/identity/trpc/auth.login', { input: { tenantId: 'yx', username: phone, password: NEW_PASSWORD } });
    expect(login.status).toBe(200);
    // A used code is no longer valid.
    expect((await redeem({ code, name: '张三', idTail: '01234X' })).error).toMatchObject({ code: 'NOT_FOUND', message: 'This link is no longer valid' });
  });

  it('the phone on the ledger proves who they are as well as the ID tail', async () => {
    const { phone, code } = await memberWithCode('李四');
    const result = await redeem({ code, name: '李四', phone: `+86 ${phone.slice(0, 3)} ${phone.slice(3)}` });
    expect(result.status).toBe(200);
  });

  it('a wrong name, ID tail or phone gets the same answer, and five lock the code for 15 minutes', async () => {
    const { code } = await memberWithCode('王五');
    const ip = freshIp();
    const wrong = [
      { name: '王六', idTail: '01234X' },
      { name: '王五', idTail: '012349' },
      { name: '王五', phone: '13999999999' },
      { name: '王五', idTail: '000000' },
    ];
    const answers = [];
    for (const details of wrong) answers.push((await redeem({ code, ...details }, ip)).error);
    for (const answer of answers) expect(answer).toMatchObject({ code: 'UNAUTHORIZED', reason: 'details_mismatch', fields: null });
    const fifth = await redeem({ code, name: '王六', idTail: '01234X' }, ip);
    expect(fifth.error).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: 'Too many attempts: try again in 15 minutes' });
    // Locked means locked: the right details do not open it now…
    expect((await redeem({ code, name: '王五', idTail: '01234X' }, freshIp())).error?.code).toBe('TOO_MANY_REQUESTS');
    expect(await count(sql`select count(*)::int as n from identity.audit_events where kind = 'activation_failed' and detail->>'locked' = 'true'`)).toBeGreaterThanOrEqual(1);
    // …but do after 15 minutes.
    h.clock.now = new Date(h.clock.now.getTime() + 15 * 60_000 + 1000);
    expect((await redeem({ code, name: '王五', idTail: '01234X' }, freshIp())).status).toBe(200);
  });

  it('ten wrong tries end the code for good', async () => {
    const { code } = await memberWithCode('赵六');
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 5; i++) await redeem({ code, name: '赵七', idTail: '01234X' }, freshIp());
      h.clock.now = new Date(h.clock.now.getTime() + 16 * 60_000);
    }
    expect((await redeem({ code, name: '赵六', idTail: '01234X' }, freshIp())).error).toMatchObject({ code: 'NOT_FOUND', message: 'This link is no longer valid' });
  });

  it('two hundred failures from one client address lock that address (a branch meeting shares one), not another', async () => {
    const ip = freshIp();
    const { max } = ACTIVATION_CLIENT_FAILURES;
    await h.database.owner.execute(sql`insert into identity.throttles (tenant_id, key, count, window_started_at) values ('yx', ${`activation:ip:${ip}`}, ${max - 1}, ${h.clock.now.toISOString()}::timestamptz)`);
    const answers = [];
    for (let i = 0; i < 2; i++) answers.push((await check(`ZZZZZ-ZZ${String(i).padStart(3, '2')}`.slice(0, 11), 'yx', ip)).error?.code);
    expect(answers).toEqual(['NOT_FOUND', 'TOO_MANY_REQUESTS']);
    const { code } = await memberWithCode('孙七');
    expect((await redeem({ code, name: '孙七', idTail: '01234X' }, ip)).error?.code).toBe('TOO_MANY_REQUESTS');
    expect((await redeem({ code, name: '孙七', idTail: '01234X' }, freshIp())).status).toBe(200);
  });

  it('an expired or revoked code is no longer valid', async () => {
    const expired = await memberWithCode('周八');
    const revoked = await memberWithCode('吴九');
    await h.mutate('/api/identity/trpc/accounts.revoke', { as: { userId: department, tenantId: 'yx', roles: [{ role: 'department' }] }, input: { memberId: revoked.memberId } });
    expect((await redeem({ code: revoked.code, name: '吴九', idTail: '01234X' })).error?.code).toBe('NOT_FOUND');
    h.clock.now = new Date(h.clock.now.getTime() + 14 * 24 * 3600_000 + 1000);
    expect((await redeem({ code: expired.code, name: '周八', idTail: '01234X' })).error).toMatchObject({ code: 'NOT_FOUND', message: 'This link is no longer valid' });
  });

  it('a member who already has an account is told so, once the details match', async () => {
    const { memberId, code } = await memberWithCode('郑十');
    const userId = await addUser(h.database, 'yx', '13911110000', '郑十', [{ role: 'member', orgId: YX.branchA1 }]);
    await h.database.owner.execute(sql`update identity.people set user_id = ${userId} where member_id = ${memberId}`);
    expect((await redeem({ code, name: '郑十一', idTail: '01234X' })).error?.code).toBe('UNAUTHORIZED');
    expect((await redeem({ code, name: '郑十', idTail: '01234X' })).error).toMatchObject({ code: 'CONFLICT', message: 'This account is already active' });
  });

  it("a member cannot take over another member's account through a shared phone", async () => {
    const first = await memberWithCode('冯一');
    expect((await redeem({ code: first.code, name: '冯一', idTail: '01234X' })).status).toBe(200);
    const secondId = await addPerson(h.database, 'yx', { name: '冯二', branchId: YX.branchA1, phone: first.phone, idCardNumber: ID_CARD });
    h.clock.now = new Date(h.clock.now.getTime() + 2 * 3600_000);
    const issued = await h.mutate('/api/identity/trpc/accounts.issue', {
      as: { userId: department, tenantId: 'yx', roles: [{ role: 'department' }] },
      input: { memberIds: [secondId], idempotencyKey: crypto.randomUUID() },
    });
    const result = await redeem({ code: issued.data.issued[0].code, name: '冯二', idTail: '01234X' });
    expect(result.error).toMatchObject({ code: 'CONFLICT', message: 'This phone number already has an account' });
  });

  it('a code never opens or links an account that already logs in with the phone, even with its password', async () => {
    const { phone, code } = await memberWithCode('许干事');
    await addUser(h.database, 'yx', phone, '许干事', [{ role: 'department' }]);
    const takeover = await redeem({ code, name: '许干事', idTail: '01234X' });
    expect(takeover.error).toMatchObject({ code: 'CONFLICT', message: 'This phone number already has an account' });
    // Typing the account's own password does not help: a code is no way around its login lock.
    const guessed = await redeem({ code, name: '许干事', idTail: '01234X', password: PASSWORD });
    expect(guessed.error?.code).toBe('CONFLICT');
    // The account's password is untouched.
    expect((await h.mutate('/api/identity/trpc/auth.login', { input: { tenantId: 'yx', username: phone, password: PASSWORD } })).status).toBe(200);
  });

  it('an appointment waiting for the member becomes their secretary role when they activate', async () => {
    const { memberId, code } = await memberWithCode('蒋书记');
    await h.database.owner.insert(appointments).values({
      tenantId: 'yx', orgId: YX.branchA1, orgPath: pathOf(YX.branchA1), memberId, name: '蒋书记', title: 'secretary', appointedByUserId: department, appointedAt: h.clock.now,
    });
    const result = await redeem({ code, name: '蒋书记', idTail: '01234X' });
    expect(result.data.roles).toEqual(expect.arrayContaining([{ role: 'member', orgId: YX.branchA1 }, { role: 'secretary', orgId: YX.branchA1 }]));
    const held = (await h.database.owner.execute(sql`select user_id from identity.appointments where member_id = ${memberId}`)).rows[0]!;
    expect(held.user_id).toBe(result.data.user.id);
  });

  it("another county's code never opens an account here", async () => {
    const { code } = await memberWithCode('刘九', 'rc');
    expect((await redeem({ code, name: '刘九', idTail: '01234X' })).error?.code).toBe('NOT_FOUND');
  });

  it('a suspended county refuses activation', async () => {
    const { code } = await memberWithCode('韩十');
    await h.database.owner.execute(sql`update identity.tenants set suspended_at = now() where id = 'yx'`);
    try {
      expect((await redeem({ code, name: '韩十', idTail: '01234X' })).error).toMatchObject({ code: 'FORBIDDEN', message: 'This county is suspended' });
    } finally {
      await h.database.owner.execute(sql`update identity.tenants set suspended_at = null where id = 'yx'`);
    }
  });

  it('bad input names the field and changes nothing', async () => {
    const { code } = await memberWithCode('杨一');
    const neither = await redeem({ code, name: '杨一' });
    expect(neither.error).toMatchObject({ code: 'BAD_REQUEST', fields: { idTail: 'id_tail_or_phone' } });
    const weak = await redeem({ code, name: '杨一', idTail: '01234X', password: 'short' });
    expect(weak.error?.problems?.password).toEqual({ code: 'password_too_short', params: { min: 10 } });
    const tail = await redeem({ code, name: '杨一', idTail: '1234' });
    expect(Object.keys(tail.error!.fields!)).toEqual(['idTail']);
    expect((await check(code)).status).toBe(200);
  });

  it('no code, password or phone reaches the console', async () => {
    const lines: string[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' '))),
    );
    try {
      const { phone, code } = await memberWithCode('秦一');
      await redeem({ code, name: '秦二', idTail: '01234X' });
      await redeem({ code, name: '秦一', idTail: '01234X' });
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    const output = lines.join('\n');
    for (const secret of [NEW_PASSWORD, '01234X']) expect(output).not.toContain(secret);
    expect(output).not.toMatch(/[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}/);
    expect(output).not.toMatch(/1360000\d{4}/);
  });
});
