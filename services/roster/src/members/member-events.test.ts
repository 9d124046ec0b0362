import type { RoleGrant } from '@tongxin/auth';
import { idTailDigest, withCheckDigit } from '@tongxin/ledger';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { migrations } from '../migrations.ts';
import { seedRoster } from '../testing/roster-fixture.ts';

// Issue 12: identity keeps its people from these events: the phone is the username, the
// ID-tail digest checks what a member types when activating.

let h: ServiceHarness;
let ids: Record<string, string>;
beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  ({ ids } = await seedRoster(h.database));
});
afterAll(() => h.close());

const secretaryOf = (org: string) => ({ tenantId: 'yx', userId: `sec-${org}`, roles: [{ role: 'secretary', orgId: ids[org]! }] as RoleGrant[] });
const department = () => ({ tenantId: 'yx', userId: 'dep-yx', roles: [{ role: 'department' }] as RoleGrant[] });

async function eventsOf(topic: string, memberId: string) {
  const result = await h.database.owner.execute(sql`select payload from roster.outbox where topic = ${topic} and payload->>'memberId' = ${memberId} order by created_at`);
  return result.rows.map((r) => r.payload as Record<string, unknown>);
}

const ID_1 = withCheckDigit('43102319860412135');
const ID_2 = withCheckDigit('43102319860412151');

describe('member events carry the phone and the ID-tail digest', () => {
  let memberId: string;

  it('members.create: member_created has the ledger phone and idTailDigest(memberId, ID-card number)', async () => {
    const input = { branchId: ids.longtan, name: '黄建军', idCardNumber: ID_1, phone: '13712340001', idempotencyKey: 'event-create-0001' };
    const result = await h.mutate('/api/roster/trpc/members.create', { as: secretaryOf('huangcao'), input });
    memberId = result.data.id;
    const [created] = await eventsOf('roster.member_created', memberId);
    expect(created).toMatchObject({ memberId, phone: '13712340001', idTailDigest: idTailDigest(memberId, ID_1) });
    expect(JSON.stringify(created)).not.toContain(ID_1);
  });

  it('a phone correction is a member_updated with the new phone', async () => {
    const input = { memberId, personal: { phone: '13712340002' }, idempotencyKey: 'event-phone-00001' };
    expect((await h.mutate('/api/roster/trpc/ledger.correct', { as: department(), input })).error).toBeNull();
    expect((await eventsOf('roster.member_updated', memberId)).at(-1)).toMatchObject({ memberId, phone: '13712340002', idTailDigest: idTailDigest(memberId, ID_1) });
  });

  it('an ID-card correction is a member_updated with the new digest, never the number', async () => {
    const input = { memberId, personal: { idCardNumber: ID_2 }, idempotencyKey: 'event-idcard-0001' };
    expect((await h.mutate('/api/roster/trpc/ledger.correct', { as: department(), input })).error).toBeNull();
    const updates = await eventsOf('roster.member_updated', memberId);
    expect(updates).toHaveLength(2);
    expect(updates.at(-1)).toMatchObject({ idTailDigest: idTailDigest(memberId, ID_2), phone: '13712340002' });
    expect(JSON.stringify(updates)).not.toContain(ID_2);
  });

  it('a change to a field nobody copies is no member_updated', async () => {
    const input = { memberId, ledger: { employer: '郴州市某公司' }, idempotencyKey: 'event-employer-01' };
    expect((await h.mutate('/api/roster/trpc/ledger.correct', { as: department(), input })).error).toBeNull();
    expect(await eventsOf('roster.member_updated', memberId)).toHaveLength(2);
  });

  it('an imported member: member_created has the phone and the digest', async () => {
    const id = withCheckDigit('43102319910203117');
    const rows = [{ rowNumber: 2, values: { name: '黄志强', idCardNumber: id, branch: '龙潭村党支部', phone: '13712340003' } }];
    const result = await h.mutate('/api/roster/trpc/excel.importRows', { as: department(), input: { rows } });
    expect(result.data).toMatchObject({ created: 1, errors: [] });
    const [row] = (await h.database.owner.execute(sql`select id from roster.members where id_card_number = ${id}`)).rows;
    const [created] = await eventsOf('roster.member_created', row!.id as string);
    expect(created).toMatchObject({ phone: '13712340003', idTailDigest: idTailDigest(row!.id as string, id) });
  });

  it('a re-import with a new phone is a member_updated with it', async () => {
    const id = withCheckDigit('43102319910203117');
    const rows = [{ rowNumber: 2, values: { name: '黄志强', idCardNumber: id, branch: '龙潭村党支部', phone: '13712340004' } }];
    expect((await h.mutate('/api/roster/trpc/excel.importRows', { as: department(), input: { rows } })).data).toMatchObject({ updated: 1 });
    const [row] = (await h.database.owner.execute(sql`select id from roster.members where id_card_number = ${id}`)).rows;
    expect((await eventsOf('roster.member_updated', row!.id as string)).at(-1)).toMatchObject({ phone: '13712340004' });
  });
});
