import { readCityCounties, readCountyRollup, ZCityCountiesInput, ZCountyRollupInput } from '@tongxin/rollups';
import { cityProcedure } from '@tongxin/trpc';
import { cityGrants } from '../schema.ts';
import { countyOrgNames } from './county-org-names.ts';
import { reportingRollups } from './rollup-spec.ts';

/**
 * The city's view of reporting's figures (issue 15): only a city's department calls these, and reads
 * only rollups, of the counties whose grant to it stands (`@tongxin/rollups`' `read-city.ts`).
 * Reporting's county overview also names the org and its children (`names`, by org id): the
 * city's page takes them from here.
 */
export const cityRollups = {
  counties: cityProcedure
    .input(ZCityCountiesInput)
    .query(({ ctx, input }) => ctx.tx((tx) => readCityCounties(tx, reportingRollups.tables, cityGrants, { ...input, cityId: ctx.claims.tenantId, now: ctx.deps.now() }))),
  countyOverview: cityProcedure
    .input(ZCountyRollupInput)
    .query(({ ctx, input }) =>
      ctx.tx(async (tx) => {
        const answer = await readCountyRollup(tx, reportingRollups.tables, cityGrants, { ...input, cityId: ctx.claims.tenantId, now: ctx.deps.now() });
        return { ...answer, names: await countyOrgNames(tx, input.countyId, answer) };
      }),
    ),
};
