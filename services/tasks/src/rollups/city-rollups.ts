import { readCityCounties, readCountyRollup, ZCityCountiesInput, ZCountyRollupInput } from '@tongxin/rollups';
import { cityProcedure } from '@tongxin/trpc';
import { cityGrants } from '../schema.ts';
import { tasksRollups } from './rollup-spec.ts';

/**
 * The city's view of tasks's figures (issue 15): only a city's department calls these, and reads
 * only rollups, of the counties whose grant to it stands (`@tongxin/rollups`' `read-city.ts`).
 */
export const cityRollups = {
  counties: cityProcedure
    .input(ZCityCountiesInput)
    .query(({ ctx, input }) => ctx.tx((tx) => readCityCounties(tx, tasksRollups.tables, cityGrants, { ...input, cityId: ctx.claims.tenantId, now: ctx.deps.now() }))),
  countyOverview: cityProcedure
    .input(ZCountyRollupInput)
    .query(({ ctx, input }) => ctx.tx((tx) => readCountyRollup(tx, tasksRollups.tables, cityGrants, { ...input, cityId: ctx.claims.tenantId, now: ctx.deps.now() }))),
};
