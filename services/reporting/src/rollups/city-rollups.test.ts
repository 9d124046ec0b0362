import { CITY, describeCityRollups, GRANTING, NOT_GRANTING, ORGS } from '@tongxin/rollups/testing';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { migrations } from '../migrations.ts';
import { applyCityGrantToReporting } from '../members/apply-city-grant-event.ts';

let h: ServiceHarness;
beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
});
afterAll(() => h.close());

describeCityRollups({ service: 'reporting', harness: () => h, consume: (database, event) => applyCityGrantToReporting(database, event) });

describe("reporting's names of a granting county's orgs for the city", () => {
  const names = (who: { userId: string; tenantId: string; roles: { role: 'department' }[] }, countyId: string, orgIds: string[]) =>
    h.query('/api/reporting/trpc/rollups.countyOrgNames', { as: who, input: { countyId, orgIds } });
  const city = { userId: 'city-department', tenantId: CITY, roles: [{ role: 'department' as const }] };

  it("names the granting county's orgs asked for, and none of another county", async () => {
    await h.database.system.execute(sql`insert into reporting.org_directory (tenant_id, org_id, name, path) values
      (${GRANTING}, ${ORGS.town}, '马田镇党委', ${`/${ORGS.root}/${ORGS.town}/`}),
      (${GRANTING}, ${ORGS.town2}, '黄泥镇党委', ${`/${ORGS.root}/${ORGS.town2}/`}),
      (${NOT_GRANTING}, ${ORGS.otherRoot}, '汝城县委组织部', ${`/${ORGS.otherRoot}/`})`);
    const answer = await names(city, GRANTING, [ORGS.town, ORGS.town2, ORGS.otherRoot]);
    expect(answer.data).toEqual({ [ORGS.town]: '马田镇党委', [ORGS.town2]: '黄泥镇党委' });
  });

  it('a county without a grant is NOT_FOUND; a county department is FORBIDDEN', async () => {
    expect((await names(city, NOT_GRANTING, [ORGS.otherRoot])).error?.code).toBe('NOT_FOUND');
    expect((await names({ userId: 'county-department', tenantId: GRANTING, roles: [{ role: 'department' }] }, GRANTING, [ORGS.town])).error?.code).toBe('FORBIDDEN');
  });
});
