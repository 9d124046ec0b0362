import { readCityCounties, readCountyRollup, requireCountyGrant, ZCityCountiesInput, ZCountyRollupInput } from '@tongxin/rollups';
import { cityProcedure } from '@tongxin/trpc';
import { z } from 'zod';
import { cityGrants } from '../schema.ts';
import { countyOrgNames } from './county-org-names.ts';
import { reportingRollups } from './rollup-spec.ts';

const ZCountyOrgNamesInput = z.object({
  countyId: ZCountyRollupInput.shape.countyId,
  /** The orgs the four services' overviews listed (an org may have figures in one service only). */
  orgIds: z.array(z.uuid()).max(500),
});

/**
 * The city's view of reporting's figures (issue 15): only a city's department calls these, and
 * reads only rollups, of the counties whose grant to it stands (`@tongxin/rollups`'
 * `read-city.ts`). Reporting also names a granting county's orgs for the city's page
 * (`countyOrgNames`), from the directory every county reads.
 */
export const cityRollups = {
  counties: cityProcedure
    .input(ZCityCountiesInput)
    .query(({ ctx, input }) => ctx.tx((tx) => readCityCounties(tx, reportingRollups.tables, cityGrants, { ...input, cityId: ctx.claims.tenantId, now: ctx.deps.now() }))),
  countyOverview: cityProcedure
    .input(ZCountyRollupInput)
    .query(({ ctx, input }) => ctx.tx((tx) => readCountyRollup(tx, reportingRollups.tables, cityGrants, { ...input, cityId: ctx.claims.tenantId, now: ctx.deps.now() }))),
  countyOrgNames: cityProcedure.input(ZCountyOrgNamesInput).query(({ ctx, input }) =>
    ctx.tx(async (tx) => {
      await requireCountyGrant(tx, cityGrants, ctx.claims.tenantId, input.countyId);
      return countyOrgNames(tx, input.countyId, input.orgIds);
    }),
  ),
};
