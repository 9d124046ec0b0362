import { chinaMonth, previousMonth } from '@tongxin/calendar';
import { tenantTransaction, type Database, type DomainEvent } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

// The city's view's cases (issue 15), the same for every service with rollups: each service's
// test runs them against its own app, migrations and consumer of `identity.city_grant_changed`.

type Grant = { role: 'department' } | { role: 'member' | 'secretary'; orgId: string };
interface Caller {
  userId: string;
  tenantId: string;
  roles: Grant[];
}
interface Answer {
  status: number;
  data: unknown;
  error?: { code: string; reason?: string | null; fields?: Record<string, unknown> | null } | null;
}
/** What the cases need of `@tongxin/trpc/testing`'s harness. */
export interface CityCasesHarness {
  database: Database;
  clock: { now: Date };
  query(path: string, options?: { as?: Caller; input?: unknown }): Promise<Answer>;
}

export interface CityCasesOptions {
  service: 'roster' | 'reporting' | 'tasks' | 'scoring';
  harness: () => CityCasesHarness;
  /** The service's consumer of identity's outbox that keeps its copy of the grants. */
  consume: (database: Database, event: DomainEvent) => Promise<unknown>;
}

export const CITY = '431000';
/** Another city (永州市): granted nothing. */
export const OTHER_CITY = '431100';
export const GRANTING = '431023';
export const NOT_GRANTING = '431026';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
/** 永兴's county root, a township with a branch, a second township; 汝城's root. */
export const ORGS = { root: id(1), town: id(2), branch: id(3), town2: id(4), otherRoot: id(9) };

/** The cases, in a describe block of their own. The harness is migrated; the cases write their rows. */
export function describeCityRollups({ service, harness, consume }: CityCasesOptions) {
  const path = (name: string) => `/api/${service}/trpc/rollups.${name}`;
  const month = () => chinaMonth(harness().clock.now);
  const as = {
    city: (): Caller => ({ userId: 'city-department', tenantId: CITY, roles: [{ role: 'department' }] }),
    otherCity: (): Caller => ({ userId: 'other-city-department', tenantId: OTHER_CITY, roles: [{ role: 'department' }] }),
    county: (): Caller => ({ userId: 'county-department', tenantId: GRANTING, roles: [{ role: 'department' }] }),
    member: (): Caller => ({ userId: 'county-member', tenantId: GRANTING, roles: [{ role: 'member', orgId: ORGS.branch }] }),
    cityMember: (): Caller => ({ userId: 'city-member', tenantId: CITY, roles: [{ role: 'member', orgId: ORGS.branch }] }),
  };
  let events = 0;
  const firstGive = crypto.randomUUID();
  const grant = (tenantId: string, granted: boolean) =>
    consume(harness().database, {
      id: ++events === 1 ? firstGive : crypto.randomUUID(),
      tenantId,
      topic: 'identity.city_grant_changed',
      payload: { cityId: CITY, granted, at: new Date(harness().clock.now.getTime() + events).toISOString() },
      createdAt: harness().clock.now,
    });
  const counties = (who: Caller, input: unknown = { month: month() }) => harness().query(path('counties'), { as: who, input });
  const county = (who: Caller, input: object) => harness().query(path('countyOverview'), { as: who, input: { month: month(), ...input } });

  beforeAll(async () => {
    const now = month();
    const before = previousMonth(now);
    const row = (tenant: string, m: string, org: string, parent: string | null, orgPath: string, value: number) =>
      sql`(${tenant}, ${m}, ${org}::uuid, ${parent}::uuid, ${orgPath}, 'members', ${value})`;
    const { root, town, branch, town2, otherRoot } = ORGS;
    // Written as the refresh writes them (the request role writes no rollup).
    await harness().database.system.execute(sql`insert into ${sql.raw(service)}.rollups (tenant_id, month, org_id, parent_id, org_path, figure, value) values ${sql.join(
      [
        row(GRANTING, now, root, null, `/${root}/`, 30),
        row(GRANTING, now, town, root, `/${root}/${town}/`, 20),
        row(GRANTING, now, branch, town, `/${root}/${town}/${branch}/`, 20),
        row(GRANTING, now, town2, root, `/${root}/${town2}/`, 10),
        row(GRANTING, before, root, null, `/${root}/`, 25),
        row(NOT_GRANTING, now, otherRoot, null, `/${otherRoot}/`, 7),
      ],
      sql`, `,
    )}`);
    await harness().database.system.execute(sql`insert into ${sql.raw(service)}.rollup_months (tenant_id, month, refreshed_at) values (${GRANTING}, ${now}, ${harness().clock.now.toISOString()}::timestamptz)`);
    await grant(GRANTING, true);
  });

  describe(`${service}'s rollups for the city (issue 15)`, () => {
    it('the city sees the granting county side by side, with the month before, and no other county', async () => {
      const answer = await counties(as.city());
      expect(answer.status).toBe(200);
      expect(answer.data).toEqual({
        month: month(),
        counties: [{ countyId: GRANTING, figures: { members: 30 }, previous: { members: 25 }, asOf: harness().clock.now.toISOString() }],
      });
    });

    it("the city opens the granting county's townships and a township's branches, never below", async () => {
      const top = await county(as.city(), { countyId: GRANTING });
      expect(top.status).toBe(200);
      const data = top.data as { org: { id: string }; figures: object; previous: object; children: { org: { id: string }; figures: object }[] };
      expect(data.org.id).toBe(ORGS.root);
      expect(data.figures).toEqual({ members: 30 });
      expect(data.previous).toEqual({ members: 25 });
      expect(data.children.map((c) => [c.org.id, c.figures]).sort()).toEqual([[ORGS.town, { members: 20 }], [ORGS.town2, { members: 10 }]].sort());
      const township = await county(as.city(), { countyId: GRANTING, orgId: ORGS.town });
      expect((township.data as typeof data).children).toEqual([{ org: { id: ORGS.branch, parentId: ORGS.town }, figures: { members: 20 } }]);
      const branch = await county(as.city(), { countyId: GRANTING, orgId: ORGS.branch });
      expect((branch.data as typeof data).children).toEqual([]);
    });

    it('a county without a grant, an unknown county or an org not in the county is NOT_FOUND, never figures', async () => {
      expect((await county(as.city(), { countyId: NOT_GRANTING })).error).toMatchObject({ code: 'NOT_FOUND', reason: 'county_not_found' });
      expect((await county(as.city(), { countyId: '431099' })).error).toMatchObject({ code: 'NOT_FOUND', reason: 'county_not_found' });
      expect((await county(as.city(), { countyId: GRANTING, orgId: ORGS.otherRoot })).error).toMatchObject({ code: 'NOT_FOUND', reason: 'org_not_found' });
      expect((await county(as.city(), { countyId: GRANTING, orgId: id(77) })).error).toMatchObject({ code: 'NOT_FOUND', reason: 'org_not_found' });
    });

    it('a future month or a county id that is no division code is BAD_REQUEST naming the field', async () => {
      expect((await counties(as.city(), { month: '2099-01' })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { month: expect.anything() } });
      expect((await county(as.city(), { countyId: GRANTING, month: '2099-01' })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { month: expect.anything() } });
      expect((await county(as.city(), { countyId: 'yx' })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { countyId: expect.anything() } });
    });

    it("a county's department and a member are FORBIDDEN; the city is FORBIDDEN the county's own overview", async () => {
      for (const who of [as.county(), as.member(), as.cityMember()]) {
        expect((await counties(who)).error?.code).toBe('FORBIDDEN');
        expect((await county(who, { countyId: GRANTING })).error?.code).toBe('FORBIDDEN');
      }
      expect((await harness().query(path('overview'), { as: as.city(), input: { month: month() } })).error?.code).toBe('FORBIDDEN');
    });

    it('another city sees no county and opens none', async () => {
      expect((await counties(as.otherCity())).data).toEqual({ month: month(), counties: [] });
      expect((await county(as.otherCity(), { countyId: GRANTING })).error?.code).toBe('NOT_FOUND');
    });

    it("RLS shows the city's transaction the granting county's rollups and nothing else, and lets it write none", async () => {
      const seen = await tenantTransaction(harness().database, { tenantId: CITY, userId: 'city-department', tenantWide: true }, (tx) =>
        tx.execute(sql`select distinct tenant_id from ${sql.raw(service)}.rollups`),
      );
      expect(seen.rows).toEqual([{ tenant_id: GRANTING }]);
      const notWide = await tenantTransaction(harness().database, { tenantId: CITY, userId: 'city-member', orgIds: [ORGS.root] }, (tx) =>
        tx.execute(sql`select count(*)::int as n from ${sql.raw(service)}.rollups`),
      );
      expect(notWide.rows).toEqual([{ n: 0 }]);
      const write = tenantTransaction(harness().database, { tenantId: CITY, userId: 'city-department', tenantWide: true }, (tx) =>
        tx.execute(sql`update ${sql.raw(service)}.rollups set value = 0 where tenant_id = ${GRANTING} returning 1`),
      );
      await expect(write.then((r) => r.rows.length)).resolves.toBe(0);
      const forged = tenantTransaction(harness().database, { tenantId: CITY, userId: 'city-department', tenantWide: true }, (tx) =>
        tx.execute(sql`insert into ${sql.raw(service)}.city_grants (tenant_id, city_id, standing, changed_at) values (${NOT_GRANTING}, ${CITY}, true, now())`),
      );
      await expect(forged).rejects.toThrow();
    });

    it('after the county revokes its grant the city sees no figures of it; a redelivered give changes nothing', async () => {
      await grant(GRANTING, false);
      expect((await counties(as.city())).data).toEqual({ month: month(), counties: [] });
      expect((await county(as.city(), { countyId: GRANTING })).error).toMatchObject({ code: 'NOT_FOUND', reason: 'county_not_found' });
      // The first give arriving again (same id) is a duplicate, and an older give loses to the revoke.
      await consume(harness().database, {
        id: firstGive,
        tenantId: GRANTING,
        topic: 'identity.city_grant_changed',
        payload: { cityId: CITY, granted: true, at: new Date(0).toISOString() },
        createdAt: harness().clock.now,
      });
      await consume(harness().database, {
        id: crypto.randomUUID(),
        tenantId: GRANTING,
        topic: 'identity.city_grant_changed',
        payload: { cityId: CITY, granted: true, at: new Date(0).toISOString() },
        createdAt: harness().clock.now,
      });
      expect((await counties(as.city())).data).toEqual({ month: month(), counties: [] });
      // Given again, it shows again.
      await grant(GRANTING, true);
      expect(((await counties(as.city())).data as { counties: unknown[] }).counties).toHaveLength(1);
    });
  });
}
