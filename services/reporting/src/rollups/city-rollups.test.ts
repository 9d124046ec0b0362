import { chinaMonth } from '@tongxin/calendar';
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

describe("reporting's county overview for the city", () => {
  it('names the org and its children from the directory every county reads', async () => {
    await h.database.system.execute(sql`insert into reporting.org_directory (tenant_id, org_id, name, path) values
      (${GRANTING}, ${ORGS.root}, '永兴县委组织部', ${`/${ORGS.root}/`}),
      (${GRANTING}, ${ORGS.town}, '马田镇党委', ${`/${ORGS.root}/${ORGS.town}/`}),
      (${GRANTING}, ${ORGS.town2}, '黄泥镇党委', ${`/${ORGS.root}/${ORGS.town2}/`}),
      (${NOT_GRANTING}, ${ORGS.otherRoot}, '汝城县委组织部', ${`/${ORGS.otherRoot}/`})`);
    const answer = await h.query('/api/reporting/trpc/rollups.countyOverview', {
      as: { userId: 'city-department', tenantId: CITY, roles: [{ role: 'department' }] },
      input: { countyId: GRANTING, month: chinaMonth(h.clock.now) },
    });
    expect(answer.data.names).toEqual({ [ORGS.root]: '永兴县委组织部', [ORGS.town]: '马田镇党委', [ORGS.town2]: '黄泥镇党委' });
  });
});
