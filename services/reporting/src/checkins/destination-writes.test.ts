import { createTestDatabase } from '@tongxin/db/testing';
import { tenantTransaction, type Database } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../migrations.ts';
import { checkins } from '../schema.ts';
import { repathCheckinDestinations } from './repath-checkin-destinations.ts';

// 永兴县 'yx' members check in with 汝城县 'rc' orgs; the rows are yx's, rc only reads them and
// writes them through reporting's SECURITY DEFINER functions (*.sql beside this file, issue 13 D).
let database: Database;
const id = () => crypto.randomUUID();
const [rcDepartment, rcTownship, rcFlow, rcOther] = [id(), id(), id(), id()];
const fromPath = `/${rcDepartment}/${rcTownship}/`;
const flowPath = `${fromPath}${rcFlow}/`;
const base = { userId: 'u-x', orgPath: '/yx/b/', grantFields: ['destinationCity'], destOrgName: '汝城县驻广州流动党员党支部' };
const ids = { toFlow: id(), toOther: id(), own: id(), thirdCounty: id() };

beforeAll(async () => {
  database = await createTestDatabase([migrations]);
  await database.owner.insert(checkins).values([
    { ...base, id: ids.toFlow, tenantId: 'yx', memberId: id(), destTenantId: 'rc', destOrgId: rcFlow, destOrgPath: flowPath },
    { ...base, id: ids.toOther, tenantId: 'yx', memberId: id(), destTenantId: 'rc', destOrgId: rcOther, destOrgPath: `/${rcDepartment}/${rcOther}/` },
    { ...base, id: ids.own, tenantId: 'rc', memberId: id(), orgPath: '/rc/b/', destTenantId: 'rc', destOrgId: rcFlow, destOrgPath: flowPath },
    // Another county's org that happens to share the path's first ids: not rc's to move.
    { ...base, id: ids.thirdCounty, tenantId: 'yx', memberId: id(), destTenantId: 'zz', destOrgId: rcFlow, destOrgPath: flowPath },
  ]);
}, 120_000);
afterAll(() => database?.close());

const paths = async () =>
  Object.fromEntries(
    ((await database.owner.execute(sql`select id, dest_org_path from reporting.checkins`)).rows as { id: string; dest_org_path: string }[]).map((r) => [r.id, r.dest_org_path]),
  );
const inRc = { tenantId: 'rc', tenantWide: true, userId: 'dep-rc' };

describe("the destination county and another county's check-ins", () => {
  it('its transaction reads them but a direct update or delete finds no row', async () => {
    const seen = await tenantTransaction(database, inRc, (tx) => tx.execute(sql`select id from reporting.checkins where id = ${ids.toFlow}`));
    expect(seen.rows).toEqual([{ id: ids.toFlow }]);
    const updated = await tenantTransaction(database, inRc, (tx) =>
      tx.execute(sql`update reporting.checkins set status = 'accepted', grant_fields = array['employer'] where id = ${ids.toFlow} returning id`));
    const deleted = await tenantTransaction(database, inRc, (tx) => tx.execute(sql`delete from reporting.checkins where id = ${ids.toFlow} returning id`));
    const locked = await tenantTransaction(database, inRc, (tx) => tx.execute(sql`select id from reporting.checkins where id = ${ids.toFlow} for update`));
    expect({ updated: updated.rows, deleted: deleted.rows, locked: locked.rows }).toEqual({ updated: [], deleted: [], locked: [] });
    expect((await database.owner.execute(sql`select status, grant_fields from reporting.checkins where id = ${ids.toFlow}`)).rows).toEqual([{ status: 'pending', grant_fields: ['destinationCity'] }]);
  });

  it('decide_checkin changes only the decision: status, reason, who and when', async () => {
    const before = (await database.owner.execute(sql`select * from reporting.checkins where id = ${ids.toOther}`)).rows[0]!;
    const outcome = await tenantTransaction(database, inRc, (tx) =>
      tx.execute(sql`select reporting.decide_checkin(${ids.toOther}::uuid, 'return', ' 请补充工作单位 ', '2026-11-03T01:00:00Z'::timestamptz) as outcome`));
    expect(outcome.rows).toEqual([{ outcome: 'returned' }]);
    const after = (await database.owner.execute(sql`select * from reporting.checkins where id = ${ids.toOther}`)).rows[0]!;
    const changed = Object.keys(after).filter((k) => String(after[k]) !== String(before[k])).sort();
    expect(changed).toEqual(['decided_at', 'decided_by', 'reason', 'status', 'updated_at']);
    expect(after).toMatchObject({ status: 'returned', reason: '请补充工作单位', decided_by: 'dep-rc' });
    // A decision is taken once: the returned check-in waits for the member, not for another decision.
    const again = await tenantTransaction(database, inRc, (tx) =>
      tx.execute(sql`select reporting.decide_checkin(${ids.toOther}::uuid, 'accept', null, now()) as outcome`));
    expect(again.rows).toEqual([{ outcome: 'not_pending' }]);
  });

  it('refusing or returning without a reason, or an unknown decision, is refused and changes nothing', async () => {
    for (const [decision, reason, refusal] of [['refuse', '  ', 'reason_required'], ['return', null, 'reason_required'], ['approve', 'x', 'bad_decision']] as const) {
      const outcome = await tenantTransaction(database, inRc, (tx) =>
        tx.execute(sql`select reporting.decide_checkin(${ids.toFlow}::uuid, ${decision}::text, ${reason}::text, now()) as outcome`));
      expect({ decision, outcome: outcome.rows[0] }).toEqual({ decision, outcome: { outcome: refusal } });
    }
    expect((await database.owner.execute(sql`select status from reporting.checkins where id = ${ids.toFlow}`)).rows).toEqual([{ status: 'pending' }]);
  });
});

describe("roster.org_moved in the destination's county", () => {
  it("re-paths the check-ins addressed to the moved subtree, also other counties' members', and no other county's destinations", async () => {
    const toPath = `/${rcDepartment}/${id()}/${rcTownship}/`;
    const moved = await tenantTransaction(database, { tenantId: 'rc', tenantWide: true }, (tx) => repathCheckinDestinations(tx, fromPath, toPath));
    expect(moved).toBe(2);
    expect(await paths()).toEqual({
      [ids.toFlow]: `${toPath}${rcFlow}/`,
      [ids.own]: `${toPath}${rcFlow}/`,
      [ids.toOther]: `/${rcDepartment}/${rcOther}/`,
      [ids.thirdCounty]: flowPath,
    });
  });

  it("only the county's tenant-wide work re-paths: a secretary's transaction is refused (42501) and moves nothing", async () => {
    const before = await paths();
    const refused = await tenantTransaction(database, { tenantId: 'rc', orgIds: [rcDepartment], userId: 'sec-rc' }, (tx) =>
      repathCheckinDestinations(tx, `/${rcDepartment}/`, '/elsewhere/'),
    ).catch((error: { cause?: { code?: string }; code?: string }) => error.cause?.code ?? error.code);
    expect(refused).toBe('42501');
    expect(await paths()).toEqual(before);
  });
});
