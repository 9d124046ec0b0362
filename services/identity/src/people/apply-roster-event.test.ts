import { createTestDatabase } from '@tongxin/db/testing';
import type { Database, DomainEvent } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../migrations.ts';
import { seedIdentity } from '../testing/identity-fixture.ts';
import { applyRosterEventToIdentity } from './apply-roster-event.ts';

let database: Database;
let userId: string;
const BRANCH = '00000000-0000-4000-8000-000000000001';
const OTHER_BRANCH = '00000000-0000-4000-8000-000000000002';
const MEMBER = '00000000-0000-4000-8000-00000000aa01';

beforeAll(async () => {
  database = await createTestDatabase([migrations]);
  ({ memberId: userId } = await seedIdentity(database));
});
afterAll(() => database.close());

let n = 0;
const event = (topic: string, payload: object): DomainEvent => ({ id: crypto.randomUUID(), tenantId: 'yx', topic, payload, createdAt: new Date(Date.UTC(2026, 10, 2, 0, 0, n++)) });
const member = (over: object = {}) => ({ memberId: MEMBER, userId, name: '李明', branchId: BRANCH, orgPath: `/root/${BRANCH}/`, status: 'mobile', phone: '13800000001', idTailDigest: 'd1', ...over });
const rows = async (query: ReturnType<typeof sql>) => (await database.owner.execute(query)).rows as Record<string, any>[];

describe("identity's copy of roster's members", () => {
  it('a created member is copied once, with phone and ID-tail digest; a redelivery changes nothing', async () => {
    const created = event('roster.member_created', member());
    expect(await applyRosterEventToIdentity(database, created)).toBe('applied');
    expect(await applyRosterEventToIdentity(database, created)).toBe('duplicate');
    expect(await rows(sql`select name, phone, id_tail_digest, status from identity.people where member_id = ${MEMBER}`)).toEqual([
      { name: '李明', phone: '13800000001', id_tail_digest: 'd1', status: 'mobile' },
    ]);
  });

  it('a new ledger phone becomes the username; a move to another branch moves the member grant', async () => {
    await applyRosterEventToIdentity(database, event('roster.member_updated', member({ phone: '13800000099', branchId: OTHER_BRANCH, orgPath: `/root/${OTHER_BRANCH}/` })));
    expect(await rows(sql`select username, username_set_by_staff_at from identity.users where id = ${userId}`)).toEqual([{ username: '13800000099', username_set_by_staff_at: null }]);
    expect(await rows(sql`select org_id from identity.role_assignments where user_id = ${userId} and role = 'member'`)).toEqual([{ org_id: OTHER_BRANCH }]);
  });

  it('a phone staff set is remembered on the account (it holds back reset codes to a wider account)', async () => {
    await applyRosterEventToIdentity(database, event('roster.member_updated', member({ phone: '13800000098', branchId: OTHER_BRANCH, orgPath: `/root/${OTHER_BRANCH}/`, changedBy: 'secretary' })));
    const [user] = await rows(sql`select username, username_set_by_staff_at from identity.users where id = ${userId}`);
    expect(user).toMatchObject({ username: '13800000098' });
    expect(user!.username_set_by_staff_at).not.toBeNull();
    await applyRosterEventToIdentity(database, event('roster.member_updated', member({ phone: '13800000099', branchId: OTHER_BRANCH, orgPath: `/root/${OTHER_BRANCH}/`, changedBy: 'member' })));
  });

  it('lost contact changes nothing for the account', async () => {
    await applyRosterEventToIdentity(database, event('roster.member_updated', member({ phone: '13800000099', branchId: OTHER_BRANCH, orgPath: `/root/${OTHER_BRANCH}/`, status: 'lost_contact' })));
    expect(await rows(sql`select count(*)::int as n from identity.role_assignments where user_id = ${userId}`)).toEqual([{ n: 1 }]);
  });

  it('a member transferred out loses access here: grants and sessions end, roster is told, it is audited', async () => {
    await database.owner.execute(sql`insert into identity.sessions (tenant_id, id, user_id, created_at, expires_at) values ('yx', 'sess-1', ${userId}, now(), now() + interval '1 hour')`);
    await applyRosterEventToIdentity(database, event('roster.member_updated', member({ phone: '13800000099', branchId: OTHER_BRANCH, orgPath: `/root/${OTHER_BRANCH}/`, status: 'transferred_out' })));
    expect(await rows(sql`select count(*)::int as n from identity.role_assignments where user_id = ${userId}`)).toEqual([{ n: 0 }]);
    expect(await rows(sql`select count(*)::int as n from identity.sessions where user_id = ${userId}`)).toEqual([{ n: 0 }]);
    expect(await rows(sql`select user_id from identity.people where member_id = ${MEMBER}`)).toEqual([{ user_id: null }]);
    expect(await rows(sql`select payload from identity.outbox where topic = 'identity.account_closed'`)).toEqual([{ payload: { memberId: MEMBER, userId } }]);
    expect(await rows(sql`select count(*)::int as n from identity.audit_events where kind = 'account_closed'`)).toEqual([{ n: 1 }]);
  });

  it('orgs are copied and a moved subtree is re-pathed in people, orgs and appointments', async () => {
    await applyRosterEventToIdentity(database, event('roster.org_saved', { orgId: OTHER_BRANCH, kind: 'branch', name: '二支部', path: `/root/${OTHER_BRANCH}/`, city: null, closedAt: null }));
    await database.owner.execute(sql`insert into identity.appointments (tenant_id, org_id, org_path, name, title, appointed_at) values ('yx', ${OTHER_BRANCH}, ${`/root/${OTHER_BRANCH}/`}, '某书记', 'secretary', now())`);
    await applyRosterEventToIdentity(database, event('roster.org_moved', { orgId: OTHER_BRANCH, fromPath: `/root/${OTHER_BRANCH}/`, toPath: `/root/town/${OTHER_BRANCH}/` }));
    expect(await rows(sql`select path from identity.orgs where org_id = ${OTHER_BRANCH}`)).toEqual([{ path: `/root/town/${OTHER_BRANCH}/` }]);
    expect(await rows(sql`select org_path from identity.people where member_id = ${MEMBER}`)).toEqual([{ org_path: `/root/town/${OTHER_BRANCH}/` }]);
    expect(await rows(sql`select org_path from identity.appointments where org_id = ${OTHER_BRANCH}`)).toEqual([{ org_path: `/root/town/${OTHER_BRANCH}/` }]);
  });

  it('ignores topics it does not keep', async () => {
    expect(await applyRosterEventToIdentity(database, event('roster.transfer_accepted', {}))).toBe('ignored');
  });
});
