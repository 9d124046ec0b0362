import type { RoleGrant } from '@tongxin/auth';
import { withCheckDigit } from '@tongxin/ledger';
import { DECIDES_ABOUT_ONESELF } from '@tongxin/trpc';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { migrations } from '../migrations.ts';
import { seedRoster } from '../testing/roster-fixture.ts';

// Issue 13 C: a secretary who is also a member (李明, secretary of his own mobile-member
// branch) corrected his own joining date by 20 years. Nobody decides about their own record
// or status; the level above (the township, the department) does. One test per procedure.

let h: ServiceHarness;
let ids: Record<string, string>;
let liming: string;
let lihua: string;
const ID_LIMING = withCheckDigit('43102319920215113');

beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  ({ ids } = await seedRoster(h.database));
  const id = async (name: string) => (await h.database.owner.execute(sql`select id from roster.members where name = ${name}`)).rows[0]!.id as string;
  liming = await id('李明');
  lihua = await id('李华');
  await h.database.owner.execute(sql`update roster.members set id_card_number = ${ID_LIMING}, joined_on = '2015-06-30' where id = ${liming}`);
});
afterAll(() => h.close());

/** 李明 holds his branch's secretary seat and is a member of it. */
const limingAsSecretary = () => ({
  tenantId: 'yx', userId: 'user-liming', roles: [{ role: 'secretary', orgId: ids.yongshuiMobile! }, { role: 'member', orgId: ids.yongshuiMobile! }] as RoleGrant[],
});
const township = () => ({ tenantId: 'yx', userId: 'sec-matian', roles: [{ role: 'secretary', orgId: ids.matian! }] as RoleGrant[] });
const department = () => ({ tenantId: 'yx', userId: 'dep', roles: [{ role: 'department' }] as RoleGrant[] });
type As = ReturnType<typeof department>;

let keys = 0;
const key = () => `own-record-key-${String(++keys).padStart(4, '0')}`;
const joinedOn = async () => (await h.database.owner.execute(sql`select joined_on::text as d from roster.members where id = ${liming}`)).rows[0]!.d as string;
const statusOf = async (memberId: string) => (await h.database.owner.execute(sql`select status from roster.members where id = ${memberId}`)).rows[0]!.status as string;
const forbiddenAsSelf = (result: { error: { code: string; message: string } | null }) =>
  expect(result.error).toMatchObject({ code: 'FORBIDDEN', message: DECIDES_ABOUT_ONESELF });

describe('ledger.correct', () => {
  const correct = (as: As, memberId: string, personal: Record<string, string>) =>
    h.mutate('/api/roster/trpc/ledger.correct', { as, input: { memberId, personal, idempotencyKey: key() } });

  it('a secretary cannot correct their own record (FORBIDDEN), not the joining date, name or ID-card number, and nothing changes', async () => {
    forbiddenAsSelf(await correct(limingAsSecretary(), liming, { joinedOn: '1975-07-01' }));
    forbiddenAsSelf(await correct(limingAsSecretary(), liming, { name: '李明明' }));
    forbiddenAsSelf(await correct(limingAsSecretary(), liming, { idCardNumber: withCheckDigit('43102319920215131') }));
    expect(await joinedOn()).toBe('2015-06-30');
    expect((await h.database.owner.execute(sql`select count(*)::int as n from roster.member_versions where member_id = ${liming}`)).rows[0]!.n).toBe(0);
  });

  it('the same secretary still corrects another member of the branch', async () => {
    expect((await correct(limingAsSecretary(), lihua, { joinedOn: '2012-07-01' })).error).toBeNull();
  });

  it('the level above corrects them: the township secretary and the department', async () => {
    expect((await correct(township(), liming, { joinedOn: '2014-07-01' })).data).toMatchObject({ changes: [{ field: 'joinedOn' }] });
    expect((await correct(department(), liming, { joinedOn: '2015-07-01' })).error).toBeNull();
    expect(await joinedOn()).toBe('2015-07-01');
  });
});

describe('excel.importRows', () => {
  it('a row that would change the importing secretary\'s own record comes back as own_record; the others land', async () => {
    const result = await h.mutate('/api/roster/trpc/excel.importRows', {
      as: limingAsSecretary(),
      input: { rows: [
        { rowNumber: 3, values: { name: '李明', idCardNumber: ID_LIMING, joinedOn: '1975-07-01', branch: '涌水村流动党员党支部' } },
        { rowNumber: 4, values: { name: '李新', idCardNumber: withCheckDigit('43102319930303151'), branch: '涌水村流动党员党支部' } },
      ] },
    });
    expect(result.data).toMatchObject({ created: 1, updated: 0, errors: [{ row: 3, column: 'idCardNumber', code: 'own_record', message: DECIDES_ABOUT_ONESELF }] });
    expect(await joinedOn()).toBe('2015-07-01');
  });

  it('an unchanged row of one\'s own record decides nothing and is counted unchanged', async () => {
    const result = await h.mutate('/api/roster/trpc/excel.importRows', {
      as: limingAsSecretary(), input: { rows: [{ rowNumber: 3, values: { name: '李明', idCardNumber: ID_LIMING, branch: '涌水村流动党员党支部' } }] },
    });
    expect(result.data).toMatchObject({ unchanged: 1, errors: [] });
  });
});

describe('lost contact and contact attempts', () => {
  it('a secretary cannot record contact attempts with themself, nor mark themself lost or re-contacted (FORBIDDEN)', async () => {
    const attempt = { memberId: liming, attemptedOn: '2026-10-01', channel: 'phone', result: 'no_answer' };
    forbiddenAsSelf(await h.mutate('/api/roster/trpc/mobility.recordContactAttempt', { as: limingAsSecretary(), input: { ...attempt, idempotencyKey: key() } }));
    forbiddenAsSelf(await h.mutate('/api/roster/trpc/mobility.markLostContact', { as: limingAsSecretary(), input: { memberId: liming, reason: 1, idempotencyKey: key() } }));
    forbiddenAsSelf(await h.mutate('/api/roster/trpc/mobility.markRecontacted', { as: limingAsSecretary(), input: { memberId: liming, idempotencyKey: key() } }));
    expect(await statusOf(liming)).toBe('mobile');
    // The level above records the attempt.
    expect((await h.mutate('/api/roster/trpc/mobility.recordContactAttempt', { as: township(), input: { ...attempt, idempotencyKey: key() } })).error).toBeNull();
  });

  it('a lost-contact proposal about oneself is decided by the level above, neither confirmed nor dismissed by oneself', async () => {
    const [proposal] = (await h.database.owner.execute(sql`insert into roster.lost_contact_proposals (tenant_id, member_id, source, periods, proposed_at)
      values ('yx', ${liming}, 'monthly_reports', array['2026-08', '2026-09'], now()) returning id`)).rows as { id: string }[];
    const decide = (as: As, decision: 'confirm' | 'dismiss') =>
      h.mutate('/api/roster/trpc/mobility.decideLostContact', { as, input: { proposalId: proposal!.id, decision, ...(decision === 'confirm' ? { reason: 1 } : {}) } });
    forbiddenAsSelf(await decide(limingAsSecretary(), 'dismiss'));
    forbiddenAsSelf(await decide(limingAsSecretary(), 'confirm'));
    expect((await decide(department(), 'dismiss')).data).toEqual({ status: 'dismissed' });
  });

  it('a placement proposal about oneself (the 6-month rule) is decided by the level above', async () => {
    const [proposal] = (await h.database.owner.execute(sql`insert into roster.placement_proposals (tenant_id, member_id, from_branch_id, away_since, proposed_at)
      values ('yx', ${liming}, ${ids.yongshuiMobile}, '2026-01-01', now()) returning id`)).rows as { id: string }[];
    const decide = (as: As) => h.mutate('/api/roster/trpc/mobility.decidePlacement', { as, input: { proposalId: proposal!.id, decision: 'dismiss' } });
    forbiddenAsSelf(await decide(limingAsSecretary()));
    expect((await decide(township())).data).toEqual({ status: 'dismissed' });
  });

  it('a secretary does not register their own departure or return: they file it, and the level above confirms (issue 17)', async () => {
    forbiddenAsSelf(await h.mutate('/api/roster/trpc/mobility.registerOutflow', {
      as: limingAsSecretary(), input: { memberId: liming, leftOn: '2026-10-10', destinationCity: '深圳', idempotencyKey: key() },
    }));
    forbiddenAsSelf(await h.mutate('/api/roster/trpc/mobility.registerReturn', {
      as: limingAsSecretary(), input: { memberId: liming, returnedOn: '2026-10-10', idempotencyKey: key() },
    }));
    expect(await statusOf(liming)).toBe('mobile');
  });
});
