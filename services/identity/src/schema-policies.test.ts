import { createTestDatabase } from '@tongxin/db/testing';
import { tenantTransaction, type Database, type Scope } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from './migrations.ts';
import { seedIdentity } from './testing/identity-fixture.ts';

// RLS is the last wall inside a county too (issue 13 D; the attack on issue 12): whatever SQL
// a member's or a secretary's transaction runs, it cannot grant itself a role, set another's
// password, fill a seat above its scope, move itself in the tree or read the SMS deliveries.
let database: Database;
let memberId: string;
let otherUser: string;
const TOWNSHIP = '00000000-0000-4000-8000-0000000000f1';
const BRANCH = '00000000-0000-4000-8000-000000000001';
const ROOT = '00000000-0000-4000-8000-0000000000e0';

beforeAll(async () => {
  database = await createTestDatabase([migrations]);
  const ids = await seedIdentity(database);
  memberId = ids.memberId;
  const other = await database.owner.execute(sql`insert into identity.users (tenant_id, username, display_name) values ('yx', '13800000099', '王部长') returning id`);
  otherUser = String(other.rows[0]!.id);
  await database.owner.execute(sql`insert into identity.credentials (tenant_id, user_id, password_hash) values ('yx', ${otherUser}, 'x')`);
  await database.owner.execute(sql`insert into identity.orgs (tenant_id, org_id, kind, name, path) values
    ('yx', ${TOWNSHIP}, 'township', '马田镇党委', ${`/${ROOT}/${TOWNSHIP}/`}),
    ('yx', ${BRANCH}, 'branch', '涌水村党支部', ${`/${ROOT}/${TOWNSHIP}/${BRANCH}/`})`);
  await database.owner.execute(sql`insert into identity.people (tenant_id, member_id, user_id, name, phone, branch_id, org_path, status)
    values ('yx', gen_random_uuid(), ${memberId}, '李明', '13800000001', ${BRANCH}, ${`/${ROOT}/${TOWNSHIP}/${BRANCH}/`}, 'mobile')`);
  await database.owner.execute(sql`insert into identity.message_deliveries (tenant_id, kind, phone, provider, status) values ('yx', 'reset', '13800000001', 'development', 'sent')`);
});
afterAll(() => database.close());

const member = (): Scope => ({ tenantId: 'yx', userId: memberId });
const branchSecretary = (): Scope => ({ tenantId: 'yx', userId: memberId, orgIds: [BRANCH] });

/** Runs one statement in the scope; 'refused' when a policy rejects it, else the rows it touched. */
async function attempt(scope: Scope, statement: ReturnType<typeof sql>): Promise<number | 'refused'> {
  try {
    return await tenantTransaction(database, scope, async (tx) => (await tx.execute(statement)).rows.length);
  } catch (error) {
    // drizzle wraps the driver's error: 42501 is "new row violates row-level security policy".
    const cause = (error as { cause?: { code?: string } }).cause ?? (error as { code?: string });
    if (cause.code === '42501') return 'refused';
    throw error;
  }
}

describe('identity refuses, inside one county, writes above the caller', () => {
  it('a member cannot grant themself the department role or a seat', async () => {
    expect(await attempt(member(), sql`insert into identity.role_assignments (tenant_id, user_id, role) values ('yx', ${memberId}, 'department') returning id`)).toBe('refused');
    expect(await attempt(member(), sql`insert into identity.role_assignments (tenant_id, user_id, role, org_id) values ('yx', ${memberId}, 'secretary', ${BRANCH}) returning id`)).toBe('refused');
  });

  it("a member cannot set another account's password, nor open an account", async () => {
    expect(await attempt(member(), sql`update identity.credentials set password_hash = 'mine' where user_id = ${otherUser} returning user_id`)).toBe(0);
    expect(await attempt(member(), sql`insert into identity.users (tenant_id, username, display_name) values ('yx', '13911112222', '冒名') returning id`)).toBe('refused');
    expect(await attempt(member(), sql`update identity.users set username = '13911112222' where id = ${memberId} returning id`)).toBe(0);
  });

  it('a member cannot issue an invitation, a reset code, or move their own record in the tree', async () => {
    const grants = JSON.stringify([{ role: 'department' }]);
    expect(await attempt(member(), sql`insert into identity.invitations (tenant_id, token_hash, purpose, grants, expires_at) values ('yx', 'h', 'staff', ${grants}::jsonb, now() + interval '1 day') returning id`)).toBe('refused');
    expect(await attempt(member(), sql`insert into identity.reset_codes (tenant_id, user_id, code_hash, expires_at) values ('yx', ${otherUser}, 'h', now() + interval '1 hour') returning id`)).toBe('refused');
    expect(await attempt(member(), sql`update identity.people set org_path = '/' where user_id = ${memberId} returning member_id`)).toBe(0);
  });

  it('a branch secretary grants only seats in their subtree, and cannot file a township seat under their branch', async () => {
    expect(await attempt(branchSecretary(), sql`insert into identity.role_assignments (tenant_id, user_id, role, org_id) values ('yx', ${otherUser}, 'secretary', ${BRANCH}) returning id`)).toBe(1);
    expect(await attempt(branchSecretary(), sql`insert into identity.role_assignments (tenant_id, user_id, role, org_id) values ('yx', ${otherUser}, 'secretary', ${TOWNSHIP}) returning id`)).toBe('refused');
    const forged = `/${ROOT}/${TOWNSHIP}/${BRANCH}/`;
    expect(await attempt(branchSecretary(), sql`insert into identity.appointments (tenant_id, org_id, org_path, name, title, appointed_at) values ('yx', ${TOWNSHIP}, ${forged}, '冒名', 'secretary', now()) returning id`)).toBe('refused');
    expect(await attempt(branchSecretary(), sql`insert into identity.appointments (tenant_id, org_id, org_path, name, title, appointed_at) values ('yx', ${BRANCH}, ${forged}, '副书记', 'deputy', now()) returning id`)).toBe(1);
    const seat = JSON.stringify([{ role: 'secretary', orgId: TOWNSHIP }]);
    expect(await attempt(branchSecretary(), sql`insert into identity.invitations (tenant_id, token_hash, purpose, grants, expires_at) values ('yx', 'h2', 'staff', ${seat}::jsonb, now() + interval '1 day') returning id`)).toBe('refused');
  });

  it("only the department reads the SMS deliveries' phones", async () => {
    expect(await attempt(branchSecretary(), sql`select phone from identity.message_deliveries`)).toBe(0);
    expect(await attempt({ tenantId: 'yx', tenantWide: true }, sql`select phone from identity.message_deliveries`)).toBe(1);
  });
});
