import { isMonth } from '@tongxin/calendar';
import { readRollup, ZRollupInput } from '@tongxin/rollups';
import { actingProcedure, router, withOptionalOrg } from '@tongxin/trpc';
import { z } from 'zod';
import { cityRollups } from './city-rollups.ts';
import { findRosterOrg } from '../orgs/find-org.ts';
import { listPlaces } from './list-places.ts';
import { rosterRollups } from './rollup-spec.ts';

const ZPlacesInput = z.object({ month: z.string().refine(isMonth, { message: 'YYYY-MM' }), orgId: z.uuid().optional() });

/** The county's roster figures for the department's and the city's views (issue 15): a secretary reads their subtree's, the department the county's. */
export const rollupsRouter = router({
  // The city's department: the counties that granted it their figures (issue 15).
  ...cityRollups,
  overview: actingProcedure('secretary', 'department')
    .input(ZRollupInput)
    .use(withOptionalOrg(findRosterOrg))
    .query(({ ctx, input }) =>
      ctx.tx((tx) => readRollup(tx, rosterRollups.tables, { ...input, tenantId: ctx.caller.tenantId, org: ctx.org, department: ctx.caller.department, now: ctx.deps.now() })),
    ),
  /** 三找: where the subtree's mobile members are, with the flow organizations there and where a flow branch could form. */
  places: actingProcedure('secretary', 'department')
    .input(ZPlacesInput)
    .use(withOptionalOrg(findRosterOrg))
    .query(({ ctx, input }) =>
      ctx.tx((tx) => listPlaces(tx, { month: input.month, tenantId: ctx.caller.tenantId, org: ctx.org, department: ctx.caller.department, now: ctx.deps.now() })),
    ),
});
