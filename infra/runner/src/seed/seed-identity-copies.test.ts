import type { Database } from '@tongxin/db';
import { createTestDatabase } from '@tongxin/db/testing';
import { idTailDigest } from '@tongxin/ledger';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceMigrations } from '../services.ts';
import { RUCHENG } from './county-plan.ts';
import { backfillIdentityCopies } from './seed-copies.ts';
import { seedCounty } from './seed-county.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase(serviceMigrations);
  await seedCounty(database, RUCHENG, () => undefined, new Date('2026-11-02T01:00:00Z'));
});
afterAll(() => database.close());

const rows = async (query: ReturnType<typeof sql>) => (await database.owner.execute(query)).rows as Record<string, any>[];

describe("identity's copies of a seeded county", () => {
  it('hold every member with the same ID-tail digest @tongxin/ledger computes', async () => {
    const members = await rows(sql`select m.id, m.id_card_number, p.id_tail_digest, p.phone = m.phone as same_phone
      from roster.members m join identity.people p on p.tenant_id = m.tenant_id and p.member_id = m.id where m.tenant_id = ${RUCHENG.tenantId}`);
    const n = (await rows(sql`select count(*)::int as n from roster.members where tenant_id = ${RUCHENG.tenantId}`))[0]!.n;
    expect(members.length).toBe(n);
    expect(members.filter((m) => m.id_tail_digest !== idTailDigest(m.id, m.id_card_number))).toEqual([]);
  });

  it("record the seeded secretaries as appointments and the county as live", async () => {
    const [live] = await rows(sql`select live_at from identity.tenant_setup where tenant_id = ${RUCHENG.tenantId}`);
    expect(live?.live_at).toBeTruthy();
    const appointed = await rows(sql`select name from identity.appointments where tenant_id = ${RUCHENG.tenantId}`);
    expect(appointed.map((a) => a.name)).toContain('朱志远');
  });

  it('are not backfilled again once any copy exists (a new county follows its events)', async () => {
    expect(await backfillIdentityCopies(database)).toEqual([]);
  });
});
