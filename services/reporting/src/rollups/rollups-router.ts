import { readRollup, ZRollupInput } from '@tongxin/rollups';
import { actingProcedure, router, withOptionalOrg } from '@tongxin/trpc';
import { cityRollups } from './city-rollups.ts';
import { findReportingOrg } from '../members/find-reporting-org.ts';
import { reportingRollups } from './rollup-spec.ts';

/** The county's reporting figures for the department's and the city's views (issue 15): a secretary reads their subtree's, the department the county's. */
export const rollupsRouter = router({
  // The city's department: the counties that granted it their figures (issue 15).
  ...cityRollups,
  overview: actingProcedure('secretary', 'department')
    .input(ZRollupInput)
    .use(withOptionalOrg(findReportingOrg))
    .query(({ ctx, input }) =>
      ctx.tx((tx) => readRollup(tx, reportingRollups.tables, { ...input, tenantId: ctx.caller.tenantId, org: ctx.org, department: ctx.caller.department, now: ctx.deps.now() })),
    ),
});
