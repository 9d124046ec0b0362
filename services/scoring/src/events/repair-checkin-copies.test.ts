import { readFile } from 'node:fs/promises';
import type { Database } from '@tongxin/db';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { migrations } from '../migrations.ts';
import { checkins } from '../schema.ts';
import { activity, memberIdOf, orgs, pathOf, seedCopies, type OrgName, type PersonName } from '../testing/scoring-fixture.ts';
import { applyCopyEventToScoring } from './apply-copy-event.ts';

let h: ServiceHarness;
beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  await seedCopies(h.database);
});
afterAll(() => h.close());

/** Runs the one-off repair again, as the migrator does: its statements in one transaction, as the owner. */
async function runRepair(database: Database) {
  const text = await readFile(new URL('../../drizzle/0010_repair-checkin-copies.sql', import.meta.url), 'utf8');
  await database.owner.transaction(async (tx) => {
    for (const statement of text.split('--> statement-breakpoint')) await tx.execute(sql.raw(statement));
  });
}

const copies = async () =>
  (await h.database.owner.execute(sql`select tenant_id, member_id, checkin_id, dest_tenant_id, dest_org_id, dest_org_path, accepted_at from scoring.checkins order by tenant_id, member_id`)).rows;

/** A copy as the consumer of reporting.checkin_accepted wrote it before issue 13: the client's path, no grant behind it. */
const old = (tenantId: string, name: PersonName, destOrgId: string, destOrgPath: string) =>
  ({ tenantId, memberId: memberIdOf(name), checkinId: crypto.randomUUID(), destTenantId: 'yx', destOrgId, destOrgPath, acceptedAt: new Date('2026-09-01T00:00:00Z') });
const at = (org: OrgName) => [orgs[org], pathOf(org)] as const;

describe('the one-off repair of check-in copies written before issue 13 (drizzle/0010)', () => {
  it('removes every copy roster would not have granted, and leaves the standing ones untouched', async () => {
    // A copy written from roster's grant, as today.
    expect(await applyCopyEventToScoring(h.database, activity.checkin('朱建国', 'yx', 'shenzhen'))).toBe('applied');
    const unknown = crypto.randomUUID();
    await h.database.owner.insert(checkins).values([
      // The attack of issue 13: the flow branch's real id under a path the client made (another org prepended).
      old('yx', '曹德胜', orgs.shenzhen, `/${orgs.longtan}${pathOf('shenzhen')}`),
      // A closed org, a village branch (not in the directory), an org nobody knows.
      old('yx', '曹春生', ...at('closedBranch')),
      old('yx', '刘秀英', ...at('yongshui')),
      old('yx', '黄文杰', unknown, `/${unknown}/`),
      // A member transferred out, whom roster grants nothing.
      old('yx', '陈立', ...at('shenzhen')),
      // Old copies that roster's rule admits: they stay as they are.
      old('yx', '李华', ...at('shenzhen')),
      old('yx', '王芳', ...at('yxDepartment')),
    ]);
    const kept = (['朱建国', '李华', '王芳'] as const).map(memberIdOf);
    const before = (await copies()).filter((row) => kept.includes(row.member_id as string));
    expect(before).toHaveLength(3);
    await runRepair(h.database);
    expect(await copies()).toEqual(before);
    // FORCE is back on every table it lifted.
    const { rows } = await h.database.owner.execute(sql`select relname from pg_class where relnamespace = 'scoring'::regnamespace and relname in ('checkins', 'orgs', 'members') and not relforcerowsecurity`);
    expect(rows).toEqual([]);
  });
});
