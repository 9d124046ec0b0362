import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ROLE, type Database } from './database.ts';
import { createProbeNotes } from './testing/probe-notes.ts';
import { createTestDatabase } from './testing/test-database.ts';
import { OwnerRoleRefused, tenantTransaction } from './tenant-transaction.ts';

describe('the tenant transaction', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase([]);
    await createProbeNotes(database);
  });
  afterAll(() => database.close());

  it('runs request code as the non-owner app role with the scope set', async () => {
    const seen = await tenantTransaction(database, { tenantId: 'a', userId: 'u1', orgIds: ['o1', 'o2'] }, async (tx) => {
      const result = await tx.execute(sql`select current_user as role, current_setting('app.tenant_id', true) as tenant,
        current_setting('app.user_id', true) as "user", current_setting('app.org_ids', true) as orgs`);
      return result.rows[0];
    });
    expect(seen).toEqual({ role: 'tongxin_app', tenant: 'a', user: 'u1', orgs: 'o1,o2' });
  });

  it('shows a tenant only its own rows and refuses writes into another tenant', async () => {
    const rows = await tenantTransaction(database, { tenantId: 'a' }, (tx) => tx.execute(sql`select body from probe.notes`));
    expect(rows.rows).toEqual([{ body: 'of a' }]);
    await expect(
      tenantTransaction(database, { tenantId: 'a' }, (tx) => tx.execute(sql`insert into probe.notes values ('b', 'sneaked in')`)),
    ).rejects.toThrow();
  });

  it('shows a transaction that sets no tenant no tenant rows', async () => {
    const rows = await tenantTransaction(database, { tenantId: null }, (tx) => tx.execute(sql`select count(*)::int as n from probe.notes`));
    expect(rows.rows[0]).toEqual({ n: 0 });
  });

  it('does not leak the scope to the next transaction on the same connection', async () => {
    await tenantTransaction(database, { tenantId: 'a' }, async () => undefined);
    const after = await database.owner.execute(sql`select current_user as role, coalesce(current_setting('app.tenant_id', true), '') as tenant`);
    expect(after.rows[0]!.tenant).toBe('');
    expect(after.rows[0]!.role).not.toBe('tongxin_app');
  });

  it('refuses to run request code as the owner', async () => {
    const owner = (await database.owner.execute(sql`select current_user as role`)).rows[0]!.role as string;
    const asOwner: Database = { ...database, appRole: owner };
    await expect(tenantTransaction(asOwner, { tenantId: 'a' }, async () => 'ran')).rejects.toBeInstanceOf(OwnerRoleRefused);
  });

  it('refuses a request role that may become tongxin_system, which bypasses RLS', async () => {
    // Roles belong to the cluster: a name of its own, dropped again.
    const probe = `probe_app_${Math.random().toString(36).slice(2, 10)}`;
    await database.owner.execute(sql.raw(`create role ${probe} nologin`));
    await database.owner.execute(sql.raw(`grant ${SYSTEM_ROLE} to ${probe}`));
    try {
      const member: Database = { ...database, appRole: probe };
      await expect(tenantTransaction(member, { tenantId: 'a' }, async () => 'ran')).rejects.toBeInstanceOf(OwnerRoleRefused);
    } finally {
      await database.owner.execute(sql.raw(`drop role ${probe}`));
    }
  });
});
