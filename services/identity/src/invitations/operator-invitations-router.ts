import { operatorProcedure, type Context } from '@tongxin/trpc';
import type { Tx } from '@tongxin/db';
import type { TRPCRouterRecord } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { sendMessage } from '../channel/send-message.ts';
import { tenants } from '../schema.ts';
import { PLATFORM } from '../setup/first-operator.ts';
import { issueInvitation, listInvitations, revokeInvitation } from './issue-invitation.ts';
import { DomainError } from '@tongxin/errors';

const ZTenantId = z.string().trim().regex(/^\d{6}$/, 'a division code has 6 digits');
const ZPhone = z.string().trim().regex(/^1\d{10}$/, 'a mobile number has 11 digits and starts with 1');

export const ZInviteAdministratorInput = z.object({ tenantId: ZTenantId, name: z.string().trim().min(1, 'enter the name').max(40), phone: ZPhone });

/**
 * A county administrator's invitation: the department role in that county, the link shown
 * once to the operator and sent by SMS through the platform's channel.
 */
async function inviteAdministrator(tx: Tx, ctx: Context & { claims: { userId: string } }, input: z.infer<typeof ZInviteAdministratorInput>) {
  const now = ctx.deps.now();
  const [tenant] = await tx.select({ kind: tenants.kind, name: tenants.name }).from(tenants).where(eq(tenants.id, input.tenantId));
  if (!tenant || tenant.kind !== 'county') throw new DomainError('county_not_found', { message: 'No such county' });
  const issued = await issueInvitation(tx, {
    tenantId: input.tenantId,
    purpose: 'department',
    name: input.name,
    phone: input.phone,
    grants: [{ role: 'department' }],
    issuedBy: { userId: ctx.claims.userId, tenantId: PLATFORM },
    now,
  });
  const delivery = await sendMessage(tx, ctx.deps, { tenantId: PLATFORM, phone: input.phone, kind: 'invitation', params: { tenantName: tenant.name, link: `${ctx.deps.publicUrl ?? ''}${issued.link}` } });
  return { id: issued.id, link: issued.link, expiresAt: issued.expiresAt, delivery: delivery.status };
}

/** The operator's invitations of county administrators (any county; never a token again). */
export const operatorInvitationsRouter = {
  list: operatorProcedure
    .input(z.object({ tenantId: ZTenantId.optional() }).default({}))
    .query(({ ctx, input }) => ctx.tx((tx) => listInvitations(tx, { tenantId: input.tenantId, purposes: ['department'] }, ctx.deps.now()))),
  create: operatorProcedure.input(ZInviteAdministratorInput).mutation(({ ctx, input }) => ctx.tx((tx) => inviteAdministrator(tx, ctx, input))),
  revoke: operatorProcedure
    .input(z.object({ id: z.string().uuid() }))
    .mutation(({ ctx, input }) => ctx.tx(async (tx) => void (await revokeInvitation(tx, input.id, 'department', { userId: ctx.claims.userId, tenantId: PLATFORM }, ctx.deps.now())))),
  /** A new link for the same person: the old one is revoked. */
  reissue: operatorProcedure.input(z.object({ id: z.string().uuid() })).mutation(({ ctx, input }) =>
    ctx.tx(async (tx) => {
      const old = await revokeInvitation(tx, input.id, 'department', { userId: ctx.claims.userId, tenantId: PLATFORM }, ctx.deps.now());
      return inviteAdministrator(tx, ctx, { tenantId: old.tenantId, name: old.name ?? '', phone: old.phone ?? '' });
    }),
  ),
} satisfies TRPCRouterRecord;
