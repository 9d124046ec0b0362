import { CERTIFICATE_STATUSES, LETTER_PURPOSES, ZPastDate } from '@tongxin/ledger';
import { memberProcedure, staffProcedure, withOptionalOrg, withOrg, ZIdempotencyKey } from '@tongxin/trpc';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { findSubjectToDecide } from '../mobility/find-subject.ts';
import { findRosterOrg } from '../orgs/find-org.ts';
import { closeCertificate, revokeCertificate } from './close-certificate.ts';
import { issueCertificate } from './issue-certificate.ts';
import { issueLetter } from './issue-letter.ts';
import { listCandidates } from './list-candidates.ts';
import { listLetters } from './list-letters.ts';
import { listRegister } from './list-register.ts';
import { listMyCertificates, reportTimeAway, showCertificateCode } from './my-certificates.ts';
import { verifyCertificate } from './verify-certificate.ts';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);
const ZDate = z.iso.date('a date as YYYY-MM-DD');

export const ZIssueCertificateInput = z.object({
  /** The issuing committee: its register. */
  orgId: z.uuid(),
  memberId: z.uuid(),
  validUntil: ZDate,
  notTransferableReason: text(200).optional(),
  destinationCity: text(40).optional(),
  idempotencyKey: ZIdempotencyKey,
});
export const ZCloseCertificateInput = z.object({ certificateId: z.uuid(), handedBackOn: ZPastDate, note: text(500).optional(), idempotencyKey: ZIdempotencyKey });
export const ZRevokeCertificateInput = z.object({ certificateId: z.uuid(), reason: text(200), idempotencyKey: ZIdempotencyKey });
export const ZRegisterInput = z.object({
  orgId: z.uuid().optional(),
  year: z.number().int().min(2000).max(2100).optional(),
  status: z.enum(CERTIFICATE_STATUSES).optional(),
});
export const ZIssueLetterInput = z.object({
  orgId: z.uuid(),
  memberId: z.uuid(),
  purpose: z.enum(LETTER_PURPOSES),
  destination: text(100),
  fromOn: ZDate,
  toOn: ZDate,
  note: text(500).optional(),
  idempotencyKey: ZIdempotencyKey,
});
/** The token in the code's link: base32, 32 characters; anything else is no certificate. */
export const ZVerifyCertificateInput = z.object({ token: z.string().trim().min(16).max(64) });
export const ZReportTimeAwayInput = z.object({
  certificateId: z.uuid(),
  activities: text(1000),
  joinedOrg: text(100).optional(),
  meetings: z.number().int().min(0).max(500),
});

/**
 * 《流动党员活动证》 and 证明信 (issue 17): the committee's register, issue, hand back and
 * revoke, letters; the member's certificate, its code and the report on the time away; a
 * secretary of any county verifies a code.
 */
export const certificatesRouter = {
  register: staffProcedure
    .input(ZRegisterInput)
    .use(withOptionalOrg(findRosterOrg))
    .query(({ ctx, input }) => ctx.tx((tx) => listRegister(tx, ctx.org?.path ?? null, input, ctx.deps.now()))),

  candidates: staffProcedure
    .input(z.object({ orgId: z.uuid(), search: z.string().trim().max(20).optional() }))
    .use(withOrg(findRosterOrg))
    .query(({ ctx, input }) => ctx.tx((tx) => listCandidates(tx, ctx.org.path, input.search || undefined))),

  issue: staffProcedure
    .input(ZIssueCertificateInput)
    .use(withOrg(findRosterOrg))
    .mutation(({ ctx, input }) =>
      ctx.tx(async (tx) => issueCertificate(tx, ctx.org, await findSubjectToDecide(tx, ctx.caller, input.memberId), input, ctx.deps.now())),
    ),

  close: staffProcedure
    .input(ZCloseCertificateInput)
    .mutation(({ ctx, input }) => ctx.tx((tx) => closeCertificate(tx, ctx.caller, input, ctx.deps.now()))),

  revoke: staffProcedure
    .input(ZRevokeCertificateInput)
    .mutation(({ ctx, input }) => ctx.tx((tx) => revokeCertificate(tx, ctx.caller, input, ctx.deps.now()))),

  letters: staffProcedure
    .input(z.object({ orgId: z.uuid().optional() }))
    .use(withOptionalOrg(findRosterOrg))
    .query(({ ctx }) => ctx.tx((tx) => listLetters(tx, ctx.org?.path ?? null))),

  issueLetter: staffProcedure
    .input(ZIssueLetterInput)
    .use(withOrg(findRosterOrg))
    .mutation(({ ctx, input }) =>
      ctx.tx(async (tx) => issueLetter(tx, ctx.org, await findSubjectToDecide(tx, ctx.caller, input.memberId), input, ctx.deps.now())),
    ),

  /** A secretary or department of any county: the holder's county answers through its SECURITY DEFINER function. */
  verify: staffProcedure
    .input(ZVerifyCertificateInput)
    .query(({ ctx, input }) => ctx.tx((tx) => verifyCertificate(tx, input.token, ctx.deps.now()))),

  mine: memberProcedure.query(({ ctx }) => ctx.tx((tx) => listMyCertificates(tx, ctx.claims.tenantId, ctx.claims.userId, ctx.deps.now()))),

  showCode: memberProcedure
    .input(z.object({ certificateId: z.uuid() }))
    .mutation(({ ctx, input }) => ctx.tx((tx) => showCertificateCode(tx, ctx.claims.tenantId, ctx.claims.userId, input.certificateId, ctx.deps.now()))),

  reportTimeAway: memberProcedure
    .input(ZReportTimeAwayInput)
    .mutation(({ ctx, input }) => ctx.tx((tx) => reportTimeAway(tx, ctx.claims.tenantId, ctx.claims.userId, input, ctx.deps.now()))),
} satisfies TRPCRouterRecord;
