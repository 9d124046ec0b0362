import { staffProcedure } from '@tongxin/trpc';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { ZTypedPhone } from '../accounts/typed-phone.ts';
import { TITLES } from '../roles/appointment-rule.ts';
import { inviteStaff } from './invite-staff.ts';
import { listStaffInvitations, revokeStaffInvitation } from './list-staff-invitations.ts';

export const ZInviteStaffInput = z.object({
  name: z.string().trim().min(1, 'enter the name').max(40),
  phone: ZTypedPhone,
  grant: z.discriminatedUnion('role', [
    z.object({ role: z.literal('department') }),
    z.object({ role: z.literal('secretary'), orgId: z.uuid('an organization id'), title: z.enum(TITLES, 'secretary or deputy') }),
  ]),
});

/** Staff who are not members, invited by phone: the department, or a secretary for their subtree. */
export const staffRouter = {
  /** The link comes back once (and goes out by SMS); the list never shows it again. */
  invite: staffProcedure.input(ZInviteStaffInput).mutation(({ ctx, input }) =>
    ctx.tx((tx) => inviteStaff(tx, ctx.deps, { tenantId: ctx.claims.tenantId, userId: ctx.claims.userId, orgIds: ctx.orgIds }, input)),
  ),

  list: staffProcedure.query(({ ctx }) =>
    ctx.tx((tx) => listStaffInvitations(tx, { tenantId: ctx.claims.tenantId, userId: ctx.claims.userId, orgIds: ctx.orgIds }, ctx.deps.now())),
  ),

  revoke: staffProcedure.input(z.object({ id: z.uuid('an invitation id') })).mutation(({ ctx, input }) =>
    ctx.tx((tx) => revokeStaffInvitation(tx, { tenantId: ctx.claims.tenantId, userId: ctx.claims.userId, orgIds: ctx.orgIds }, input.id, ctx.deps.now())),
  ),
} satisfies TRPCRouterRecord;
