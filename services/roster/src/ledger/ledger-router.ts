import { ZAwayReason, ZLedgerPatch, ZPersonalPatch } from '@tongxin/ledger';
import { memberProcedure, staffProcedure, ZIdempotencyKey } from '@tongxin/trpc';
import type { TRPCRouterRecord } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { idCardTaken, writeUnlessIdCardTaken } from '../members/id-card-taken.ts';
import { replayedMemberChange, requestDigest as requestDigestOf } from '../members/request-digest.ts';
import { remainingIdCardLookups } from '../members/id-card-lookups.ts';
import { checkAwayReason, checkPersonalAndLedger } from '../members/personal-rules.ts';
import { refuseDecidingAboutMember } from '../members/refuse-deciding-about-member.ts';
import { members } from '../schema.ts';
import { changeMember } from './change-member.ts';
import { historyProcedure } from './history-procedure.ts';
import { listMemberHistory, myMemberId } from './member-history.ts';
import { DomainError, badField } from '@tongxin/errors';

const someField = (patch: object | undefined) => patch !== undefined && Object.keys(patch).length > 0;

export const ZUpdateMyLedgerInput = z.object({
  ledger: ZLedgerPatch.refine(someField, { message: 'give at least one ledger field', params: { code: 'nothing_to_change' } }),
  idempotencyKey: ZIdempotencyKey,
});

export const ZConfirmMyLedgerInput = z.object({ idempotencyKey: ZIdempotencyKey });

export const ZCorrectMemberInput = z
  .object({
    memberId: z.uuid(),
    ledger: ZLedgerPatch.optional(),
    personal: ZPersonalPatch.optional(),
    /** 外出原因 of a member away (the branch keeps it; the member's own form does not send it). */
    awayReason: ZAwayReason.optional(),
    idempotencyKey: ZIdempotencyKey,
  })
  .refine((input) => someField(input.ledger) || someField(input.personal) || input.awayReason !== undefined, { message: 'give at least one field to correct', path: ['ledger'], params: { code: 'nothing_to_change' } });

const noRecord = () => new DomainError('no_member_record', { message: 'No member record is linked to this account' });

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

  /**
   * A secretary or the department corrects the ledger or the personal record of a member in
   * scope, never their own (the level above does: issue 13 C; their own form is updateMine).
   */
  correct: staffProcedure.input(ZCorrectMemberInput).mutation(async ({ ctx, input }) => {
    const outcome = await ctx.tx(async (tx) => {
      const { tenantId, userId } = ctx.claims;
      const now = ctx.deps.now();
      // A retry answers from what its key stored, before any check; a key re-sent with other
      // content is refused unread (issue 13 B: one key, many candidate numbers).
      const requestDigest = await requestDigestOf(userId, 'ledger.correct', input);
      const replayed = await replayedMemberChange(tx, tenantId, input.idempotencyKey, requestDigest);
      if (replayed) return { written: replayed };
      checkPersonalAndLedger(now, input, { personal: 'personal.', ledger: 'ledger.' });
      // Whose record it is comes from roster's own row (RLS: none outside scope, changeMember answers NOT_FOUND).
      const [subject] = await tx
        .select({ tenantId: members.tenantId, userId: members.userId, status: members.status })
        .from(members)
        .where(and(eq(members.tenantId, tenantId), eq(members.id, input.memberId)));
      if (!subject) throw new DomainError('member_not_found', { message: 'No such member in your scope' });
      await refuseDecidingAboutMember(tx, ctx.caller, subject);
      checkAwayReason(subject.status, input.awayReason, 'awayReason');
      // A new number tells whether anyone holds it, in scope or not: limited before, logged when held (issue 13 B).
      const idCardNumber = input.personal?.idCardNumber;
      if (idCardNumber) await remainingIdCardLookups(tx, tenantId, userId, now);
      const actor = { userId, role: ctx.staffRole };
      try {
        return await writeUnlessIdCardTaken(tx, { tenantId, actorUserId: userId, idCardNumber, now, subjectId: input.memberId }, (sp) =>
          changeMember(sp, tenantId, input.memberId, {
            action: 'correction', set: { ...input.ledger, ...input.personal, awayReason: input.awayReason }, actor, now, idempotencyKey: input.idempotencyKey, requestDigest,
          }),
        );
      } catch (error) {
        // changeMember names the column; this input nests it under `personal`.
        if (error instanceof DomainError && error.field === 'idCardNumber') throw badField('personal.idCardNumber', error.code, error.params);
        throw error;
      }
    });
    // After the commit, so the department keeps the log of the refusal.
    if ('refused' in outcome) throw idCardTaken(outcome.refused, 'personal.idCardNumber');
    return { version: outcome.written.version, changes: outcome.written.changes };
  }),

  /** Every version, newest first, with field-by-field changes (ID-card numbers masked). */
  history: historyProcedure.query(({ ctx, input }) =>
    ctx.tx(async (tx) => {
      const memberId = input?.memberId ?? (await myMemberId(tx, ctx.claims.userId));
      const history = memberId ? await listMemberHistory(tx, memberId) : null;
      if (!history) throw new DomainError('member_not_found', { message: 'No such member in your scope' });
      return history;
    }),
  ),
} satisfies TRPCRouterRecord;
