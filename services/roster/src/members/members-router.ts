import { badField, memberProcedure, secretaryProcedure } from '@tongxin/trpc';
import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { BRANCH_KINDS, orgInScope } from '../orgs/org-in-scope.ts';
import { createMember } from './create-member.ts';
import { getMyProfile } from './get-my-profile.ts';
import { listMembers } from './list-members.ts';

export const ZListMembersInput = z.object({
  orgId: z.uuid().optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});

export const ZCreateMemberInput = z.object({
  branchId: z.uuid(),
  name: z.string().trim().min(2).max(40),
  status: z.enum(['resident', 'mobile', 'lost_contact']).default('resident'),
  destinationCity: z.string().trim().min(1).max(40).optional(),
  phone: z.string().regex(/^1\d{10}$/, 'a mainland mobile number: 11 digits starting with 1').optional(),
  idempotencyKey: z.string().min(8).max(80),
});

export const membersRouter = {
  me: memberProcedure.query(async ({ ctx }) => {
    const profile = await ctx.tx((tx) => getMyProfile(tx, ctx.claims.userId));
    if (!profile) throw new TRPCError({ code: 'NOT_FOUND', message: 'No member record is linked to this account' });
    return profile;
  }),

  list: secretaryProcedure.input(ZListMembersInput).query(({ ctx, input }) =>
    ctx.tx(async (tx) => {
      const org = input.orgId ? await orgInScope(tx, input.orgId, ctx.orgIds) : null;
      if (input.orgId && !org) throw new TRPCError({ code: 'FORBIDDEN', message: 'That organization is outside your subtree' });
      return listMembers(tx, { pathPrefix: org?.path ?? null, page: input.page, pageSize: input.pageSize });
    }),
  ),

  create: secretaryProcedure.input(ZCreateMemberInput).mutation(({ ctx, input }) =>
    ctx.tx(async (tx) => {
      const branch = await orgInScope(tx, input.branchId, ctx.orgIds);
      if (!branch) throw new TRPCError({ code: 'FORBIDDEN', message: 'That branch is outside your subtree' });
      if (!BRANCH_KINDS.includes(branch.kind)) {
        throw badField('branchId', 'a member belongs to a branch, not to a committee');
      }
      return createMember(tx, ctx.claims.tenantId, { ...input, branchPath: branch.path });
    }),
  ),
} satisfies TRPCRouterRecord;
