import { createTestDatabase } from '@tongxin/db/testing';
import { tenantTransaction, type Database } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../migrations.ts';
import { seedRoster } from '../testing/roster-fixture.ts';
import { backfillDirectory } from './sync-directory.ts';

// The database refuses what the procedures refuse, even to request code that skips them.
let database: Database;
let ids: Record<string, string>;
let paths: Record<string, string>;
beforeAll(async () => {
  database = await createTestDatabase([migrations]);
  ({ ids, paths } = await seedRoster(database));
});
afterAll(() => database.close());

const asSecretaryOf = <T>(org: string, work: Parameters<typeof tenantTransaction<T>>[2]) =>
  tenantTransaction(database, { tenantId: 'yx', userId: 'sec', orgIds: [ids[org]!] }, work);
const nameOf = async (org: string) =>
  (await database.owner.execute(sql`select name from roster.orgs where id = ${ids[org]!}`)).rows[0]!.name;

describe('org policies', () => {
  it("a branch secretary's transaction updates no org outside their branch: 0 rows, names unchanged", async () => {
    const updated = await asSecretaryOf('yongshui', async (tx) => {
      const township = await tx.execute(sql`update roster.orgs set name = '越权改名' where id = ${ids.matian!} returning id`);
      const sibling = await tx.execute(sql`update roster.orgs set name = '越权改名' where id = ${ids.yongshuiMobile!} returning id`);
      const own = await tx.execute(sql`update roster.orgs set place = '涌水村' where id = ${ids.yongshui!} returning id`);
      return { township: township.rows.length, sibling: sibling.rows.length, own: own.rows.length };
    });
    expect(updated).toEqual({ township: 0, sibling: 0, own: 1 });
    expect(await nameOf('matian')).toBe('马田镇党委');
    expect(await nameOf('yongshuiMobile')).toBe('涌水村流动党员党支部');
  });

  it('a secretary cannot insert an org whose path lies outside their subtree', async () => {
    const id = crypto.randomUUID();
    const insert = asSecretaryOf('yongshui', (tx) => tx.execute(sql`insert into roster.orgs (tenant_id, id, parent_id, kind, name, path)
      values ('yx', ${id}, ${ids.huangcao!}, 'branch', '越权党支部', ${`${paths.huangcao}${id}/`})`));
    await expect(insert).rejects.toThrow();
  });

  it("a secretary cannot re-path another township's members", async () => {
    const moved = await asSecretaryOf('matian', async (tx) =>
      (await tx.execute(sql`update roster.members set org_path = ${paths.yongshui!} where branch_id = ${ids.longtan!} returning id`)).rows.length);
    expect(moved).toBe(0);
  });

  it("another county's department sees none of this county's orgs", async () => {
    const seen = await tenantTransaction(database, { tenantId: 'rc', userId: 'dep', tenantWide: true }, async (tx) =>
      (await tx.execute(sql`select count(*)::int as n from roster.orgs where tenant_id = 'yx'`)).rows[0]!.n);
    expect(seen).toBe(0);
  });

  it("a county cannot write another county's directory entry", async () => {
    const write = tenantTransaction(database, { tenantId: 'rc', userId: 'dep', tenantWide: true }, (tx) =>
      tx.execute(sql`insert into roster.org_directory (tenant_id, org_id, kind, name) values ('yx', ${ids.department!}, 'department', '冒名组织部')`));
    await expect(write).rejects.toThrow();
  });
});

describe('backfillDirectory', () => {
  it('adds departments and flow organizations of every county, once, and every county reads them', async () => {
    expect(await backfillDirectory(database.owner)).toBe(4);
    expect(await backfillDirectory(database.owner)).toBe(4);
    const entries = await tenantTransaction(database, { tenantId: 'rc', userId: 'm' }, async (tx) =>
      (await tx.execute(sql`select org_id from roster.org_directory order by org_id`)).rows.map((r) => r.org_id));
    expect(entries).toEqual([ids.department, ids.flowGeneral, ids.shenzhen, ids.rcDepartment].sort());
  });

  it('a transaction without a tenant reads no directory entry', async () => {
    const entries = await tenantTransaction(database, { tenantId: null }, async (tx) =>
      (await tx.execute(sql`select count(*)::int as n from roster.org_directory`)).rows[0]!.n);
    expect(entries).toBe(0);
  });
});
