import { staffProcedure } from '@tongxin/trpc';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { appointMember } from './appoint-member.ts';
import { TITLES } from './appointment-rule.ts';
import { listRoles } from './list-roles.ts';
import { removeAppointment } from './remove-appointment.ts';

/**
 * Secretaries and deputies (issue 12, "Roles"): the department appoints and removes them in
 * any org, a secretary in their subtree. Each change is audited and reaches the person's
 * token at its next refresh, within 60 seconds.
 */
export const rolesRouter = {
  list: staffProcedure
    .input(z.object({ orgId: z.uuid('an organization id').optional() }).optional())
    .query(({ ctx, input }) => ctx.tx((tx) => listRoles(tx, ctx.claims.tenantId, input?.orgId))),

  appoint: staffProcedure
    .input(z.object({ orgId: z.uuid('an organization id'), memberId: z.uuid('a member id'), title: z.enum(TITLES, 'secretary or deputy') }))
    .mutation(({ ctx, input }) => ctx.tx((tx) => appointMember(tx, { tenantId: ctx.claims.tenantId, userId: ctx.claims.userId, orgIds: ctx.orgIds }, input, ctx.deps.now()))),

  remove: staffProcedure
    .input(z.object({ appointmentId: z.uuid('an appointment id') }))
    .mutation(({ ctx, input }) =>
      ctx.tx((tx) => removeAppointment(tx, { tenantId: ctx.claims.tenantId, userId: ctx.claims.userId, orgIds: ctx.orgIds }, input.appointmentId, ctx.deps.now())),
    ),
} satisfies TRPCRouterRecord;
