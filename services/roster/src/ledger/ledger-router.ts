import { ZLedgerPatch, ZPersonalPatch } from '@tongxin/ledger';
import { badField, memberProcedure, staffProcedure, ZIdempotencyKey } from '@tongxin/trpc';
import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { checkPersonalAndLedger } from '../members/personal-rules.ts';
import { members } from '../schema.ts';
import { changeMember } from './change-member.ts';
import { historyProcedure } from './history-procedure.ts';
import { listMemberHistory, myMemberId } from './member-history.ts';

const someField = (patch: object | undefined) => patch !== undefined && Object.keys(patch).length > 0;

export const ZUpdateMyLedgerInput = z.object({
  ledger: ZLedgerPatch.refine(someField, 'give at least one ledger field'),
  idempotencyKey: ZIdempotencyKey,
});

export const ZConfirmMyLedgerInput = z.object({ idempotencyKey: ZIdempotencyKey });

export const ZCorrectMemberInput = z
  .object({
    memberId: z.uuid(),
    ledger: ZLedgerPatch.optional(),
    personal: ZPersonalPatch.optional(),
    idempotencyKey: ZIdempotencyKey,
  })
  .refine((input) => someField(input.ledger) || someField(input.personal), { message: 'give at least one field to correct', path: ['ledger'] });

const noRecord = () => new TRPCError({ code: 'NOT_FOUND', message: 'No member record is linked to this account' });

export const ledgerRouter = {
  /** The member reports a change to their ledger (brief "报告": dynamic updates). */
  updateMine: memberProcedure.input(ZUpdateMyLedgerInput).mutation(({ ctx, input }) =>
    ctx.tx(async (tx) => {
      const now = ctx.deps.now();
      checkPersonalAndLedger(now, { ledger: input.ledger }, { personal: 'personal.', ledger: 'ledger.' });
      const memberId = await myMemberId(tx, ctx.claims.userId);
      if (!memberId) throw noRecord();
      const actor = { userId: ctx.claims.userId, role: 'member' as const };
      const { version, changes } = await changeMember(tx, ctx.claims.tenantId, memberId, {
        action: 'ledger_update', set: input.ledger, actor, now, idempotencyKey: input.idempotencyKey,
      });
      return { version, changes };
    }),
  ),

  /** "Nothing changed": one tap confirms every ledger field as of now. */
  confirmMine: memberProcedure.input(ZConfirmMyLedgerInput).mutation(({ ctx, input }) =>
    ctx.tx(async (tx) => {
      const memberId = await myMemberId(tx, ctx.claims.userId);
      if (!memberId) throw noRecord();
      const actor = { userId: ctx.claims.userId, role: 'member' as const };
      const { version } = await changeMember(tx, ctx.claims.tenantId, memberId, {
        action: 'confirmed', set: {}, actor, now: ctx.deps.now(), idempotencyKey: input.idempotencyKey, confirmLedger: true,
      });
      const [row] = await tx.select({ ledgerConfirmedAt: members.ledgerConfirmedAt }).from(members).where(eq(members.id, memberId));
      return { version, ledgerConfirmedAt: row?.ledgerConfirmedAt?.toISOString() ?? null };
    }),
  ),

  /** A secretary or the department corrects the ledger or the personal record. */
  correct: staffProcedure.input(ZCorrectMemberInput).mutation(({ ctx, input }) =>
    ctx.tx(async (tx) => {
      const now = ctx.deps.now();
      checkPersonalAndLedger(now, input, { personal: 'personal.', ledger: 'ledger.' });
      const actor = { userId: ctx.claims.userId, role: ctx.staffRole };
      try {
        const { version, changes } = await changeMember(tx, ctx.claims.tenantId, input.memberId, {
          action: 'correction', set: { ...input.ledger, ...input.personal }, actor, now, idempotencyKey: input.idempotencyKey,
        });
        return { version, changes };
      } catch (error) {
        // changeMember names the column; this input nests it under `personal`.
        const fields = (error as { cause?: { fields?: Record<string, string> } }).cause?.fields;
        if (fields?.idCardNumber) throw badField('personal.idCardNumber', fields.idCardNumber);
        throw error;
      }
    }),
  ),

  /** Every version, newest first, with field-by-field changes (ID-card numbers masked). */
  history: historyProcedure.query(({ ctx, input }) =>
    ctx.tx(async (tx) => {
      const memberId = input?.memberId ?? (await myMemberId(tx, ctx.claims.userId));
      const history = memberId ? await listMemberHistory(tx, memberId) : null;
      if (!history) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such member in your scope' });
      return history;
    }),
  ),
} satisfies TRPCRouterRecord;
