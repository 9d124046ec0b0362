import { readFile } from 'node:fs/promises';
import type { Database } from '@tongxin/db';
import { createTestDatabase } from '@tongxin/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../migrations.ts';
import { meetings, orgDirectory } from '../schema.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase([migrations]);
}, 120_000);
afterAll(() => database?.close());

/**
 * Runs the one-off repair again, as the migrator does: in one transaction, as the owner, or as
 * a role that forced RLS binds (the request role stands in for an owner that is not a superuser).
 */
async function runRepair(as: 'owner' | 'bound by RLS') {
  const text = await readFile(new URL('../../drizzle/0016_repair-meeting-paths.sql', import.meta.url), 'utf8');
  await database.owner.transaction(async (tx) => {
    if (as === 'bound by RLS') await tx.execute(sql`select set_config('role', ${database.appRole}, true)`);
    await tx.execute(sql.raw(text));
    // It leaves no county behind for the migrations after it.
    const left = await tx.execute(sql`select current_setting('app.tenant_id', true) as tenant, current_setting('app.tenant_wide', true) as wide`);
    expect(left.rows).toEqual([{ tenant: '', wide: '' }]);
  });
}

const id = () => crypto.randomUUID();
const [dept, matian, yongshui, longtan, rcDept, rcBranch] = [id(), id(), id(), id(), id(), id()];
const real = { yongshui: `/${dept}/${matian}/${yongshui}/`, longtan: `/${dept}/${matian}/${longtan}/`, rcBranch: `/${rcDept}/${rcBranch}/` };
const t = new Date('2026-10-01T08:00:00+08:00');
const meeting = (tenantId: string, orgId: string, orgPath: string) =>
  ({ id: id(), tenantId, orgId, orgPath, kind: 'themed_party_day' as const, title: '主题党日', mode: 'in_person' as const, startsAt: t, endsAt: t, reportDeadline: t, createdBy: 'sec' });
const stored = async () =>
  Object.fromEntries(((await database.owner.execute(sql`select id, org_path from reporting.meetings`)).rows as { id: string; org_path: string }[]).map((r) => [r.id, r.org_path]));

describe('the one-off repair of meetings filed under a path the client sent (drizzle/0016, issue 13 A)', () => {
  const rows = {
    // The attack: 涌水村's meeting filed under the sibling 龙潭村's path.
    forged: meeting('yx', yongshui, `${real.longtan}${yongshui}/`),
    right: meeting('yx', longtan, real.longtan),
    otherCounty: meeting('rc', rcBranch, `/${rcDept}/x/${rcBranch}/`),
    // An org the directory does not know: nothing to compare with, left as it is.
    unknown: meeting('yx', id(), '/somewhere/'),
  };
  beforeAll(async () => {
    await database.owner.insert(orgDirectory).values([
      { tenantId: 'yx', orgId: yongshui, name: '涌水村党支部', path: real.yongshui },
      { tenantId: 'yx', orgId: longtan, name: '龙潭村党支部', path: real.longtan },
      { tenantId: 'rc', orgId: rcBranch, name: '热水村党支部', path: real.rcBranch },
    ]);
  });

  for (const as of ['owner', 'bound by RLS'] as const) {
    it(`sets each meeting's path to its org's path in the directory, in every county, and nothing else (${as})`, async () => {
      await database.owner.delete(meetings);
      await database.owner.insert(meetings).values(Object.values(rows));
      await runRepair(as);
      expect(await stored()).toEqual({
        [rows.forged.id]: real.yongshui,
        [rows.right.id]: real.longtan,
        [rows.otherCounty.id]: real.rcBranch,
        [rows.unknown.id]: '/somewhere/',
      });
    });
  }
});
