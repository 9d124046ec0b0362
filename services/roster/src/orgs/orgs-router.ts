
import { actingProcedure, authedProcedure, departmentProcedure, staffProcedure, withOrg, ZIdempotencyKey } from '@tongxin/trpc';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { closeOrg } from './close-org.ts';
import { countTenant } from './count-tenant.ts';
import { createOrg } from './create-org.ts';
import { findRosterOrg } from './find-org.ts';
import { listOrgHistory } from './list-org-history.ts';
import { listBranches } from './list-branches.ts';
import { listOrgTree } from './list-org-tree.ts';
import { moveOrg } from './move-org.ts';
import { DIRECTORY_KINDS, ORG_KINDS } from './org-kinds.ts';
import { searchDirectory } from './search-directory.ts';
import { updateOrg } from './update-org.ts';

const ZOrgName = z.string().trim().min(2).max(60);
const ZPlace = z.string().trim().min(1).max(60);
const ZAddress = z.string().trim().min(1).max(200);

export const ZOrgTreeInput = z.object({ includeClosed: z.boolean().default(false) }).default({ includeClosed: false });

export const ZCreateOrgInput = z.object({
  parentId: z.uuid(),
  kind: z.enum(ORG_KINDS),
  name: ZOrgName,
  place: ZPlace.optional(),
  province: ZPlace.optional(),
  city: ZPlace.optional(),
  address: ZAddress.optional(),
  idempotencyKey: ZIdempotencyKey,
});

export const ZRenameOrgInput = z.object({ orgId: z.uuid(), name: ZOrgName, idempotencyKey: ZIdempotencyKey });

/** Place fields: a value sets it, null clears it, absent leaves it. */
export const ZUpdateOrgInput = z.object({
  orgId: z.uuid(),
  place: ZPlace.nullable().optional(),
  province: ZPlace.nullable().optional(),
  city: ZPlace.nullable().optional(),
  address: ZAddress.nullable().optional(),
  idempotencyKey: ZIdempotencyKey,
});

export const ZMoveOrgInput = z.object({ orgId: z.uuid(), newParentId: z.uuid(), idempotencyKey: ZIdempotencyKey });
export const ZCloseOrgInput = z.object({ orgId: z.uuid(), idempotencyKey: ZIdempotencyKey });
export const ZOrgHistoryInput = z.object({ orgId: z.uuid() });

export const ZOrgDirectoryInput = z.object({
  city: z.string().trim().min(1).max(40).optional(),
  name: z.string().trim().min(1).max(60).optional(),
  kinds: z.array(z.enum(DIRECTORY_KINDS)).max(3).optional(),
  /** One entry by id: what a check-in link (QR code) names, whatever the org is called now. */
  orgId: z.uuid().optional(),
}).default({});

/** Who changes the tree, and when: the harness's clock in tests. */
const actorOf = (ctx: { claims: { userId: string }; deps: { now: () => Date } }) => ({ userId: ctx.claims.userId, now: ctx.deps.now() });

export const orgsRouter = {
  counts: departmentProcedure.query(({ ctx }) => ctx.tx(countTenant)),

  tree: staffProcedure.input(ZOrgTreeInput).query(({ ctx, input }) =>
    ctx.tx((tx) => listOrgTree(tx, ctx.claims.tenantId, ctx.orgIds, input))),

  create: staffProcedure.input(ZCreateOrgInput).mutation(({ ctx, input }) =>
    ctx.tx((tx) => createOrg(tx, ctx.claims.tenantId, ctx.orgIds, input, actorOf(ctx)))),

  rename: staffProcedure.input(ZRenameOrgInput).mutation(({ ctx, input }) => {
    const change = { action: 'renamed' as const, patch: { name: input.name }, idempotencyKey: input.idempotencyKey };
    return ctx.tx((tx) => updateOrg(tx, ctx.claims.tenantId, ctx.orgIds, input.orgId, change, actorOf(ctx)));
  }),

  update: staffProcedure.input(ZUpdateOrgInput).mutation(({ ctx, input }) => {
    const { orgId, idempotencyKey, ...patch } = input;
    const change = { action: 'updated' as const, patch, idempotencyKey };
    return ctx.tx((tx) => updateOrg(tx, ctx.claims.tenantId, ctx.orgIds, orgId, change, actorOf(ctx)));
  }),

  move: staffProcedure.input(ZMoveOrgInput).mutation(({ ctx, input }) =>
    ctx.tx((tx) => moveOrg(tx, ctx.claims.tenantId, ctx.orgIds, input, actorOf(ctx)))),

  close: staffProcedure.input(ZCloseOrgInput).mutation(({ ctx, input }) =>
    ctx.tx((tx) => closeOrg(tx, ctx.claims.tenantId, ctx.orgIds, input, actorOf(ctx)))),

  history: staffProcedure.input(ZOrgHistoryInput).use(withOrg(findRosterOrg)).query(({ ctx }) =>
    ctx.tx((tx) => listOrgHistory(tx, ctx.claims.tenantId, ctx.org.id))),

  /** The one public directory: any logged-in user of any county, names and places only. */
  /** Where a member may transfer to within the county: every open branch. */
  branches: actingProcedure('member', 'secretary', 'department').query(({ ctx }) => ctx.tx(listBranches)),

  directory: authedProcedure.input(ZOrgDirectoryInput).query(({ ctx, input }) => ctx.tx((tx) => searchDirectory(tx, input))),
} satisfies TRPCRouterRecord;
