import { inOrgScope, type Tx } from '@tongxin/db';
import { DomainError } from '@tongxin/errors';
import { experimental_standaloneMiddleware } from '@trpc/server';
import type { Caller } from '../trpc.ts';

/** What every service's org lookup returns at least: the materialized path decides scope. */
export interface OrgInScope {
  path: string;
}

/**
 * The service's own lookup of an org by id in the caller's county (roster reads its tree,
 * reporting, tasks and scoring their copies of it); null or undefined when it has none.
 */
export type FindOrg<Org extends OrgInScope> = (tx: Tx, tenantId: string, orgId: string) => Promise<Org | null | undefined>;

/** What the middleware needs from the procedure it extends: staffProcedure and actingProcedure(...) give it. */
interface ScopeCtx {
  claims: { tenantId: string };
  caller: Pick<Caller, 'department' | 'orgIds'>;
  tx: <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;
}

/** One answer for an org the caller's county lacks and for one outside their scope, so neither tells the other apart. */
export function orgNotFound(): DomainError {
  return new DomainError('org_not_found', { message: 'No such organization in your scope' });
}

async function resolve<Org extends OrgInScope>(ctx: ScopeCtx, findOrg: FindOrg<Org>, orgId: string): Promise<Org> {
  const org = await ctx.tx((tx) => findOrg(tx, ctx.claims.tenantId, orgId));
  if (!org || !inOrgScope(org.path, ctx.caller.department ? null : ctx.caller.orgIds)) throw orgNotFound();
  return org;
}

/**
 * The org named by the input's `orgId`, found in the caller's county by the service's
 * `findOrg` and checked against the caller's scope (`inOrgScope`), handed to the procedure
 * as `ctx.org`: routers neither resolve orgs nor check their scope by hand. Unknown and
 * outside scope are both NOT_FOUND. Use after the base procedure and an input with `orgId`
 * (in the style of tRPC's `organizationProcedure`):
 * `staffProcedure.input(z.object({ orgId: z.uuid() })).use(withOrg(findOrg))`.
 */
export function withOrg<Org extends OrgInScope>(findOrg: FindOrg<Org>) {
  return experimental_standaloneMiddleware<{ ctx: ScopeCtx; input: { orgId: string } }>().create(async ({ ctx, input, next }) =>
    next({ ctx: { org: await resolve(ctx, findOrg, input.orgId) } }),
  );
}

/** As `withOrg` for an input whose `orgId` narrows a list: `ctx.org` is null when none is named. */
export function withOptionalOrg<Org extends OrgInScope>(findOrg: FindOrg<Org>) {
  return experimental_standaloneMiddleware<{ ctx: ScopeCtx; input: { orgId?: string | undefined } | undefined | void }>().create(
    async ({ ctx, input, next }) => next({ ctx: { org: input?.orgId ? await resolve(ctx, findOrg, input.orgId) : null } }),
  );
}
