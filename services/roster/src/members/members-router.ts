import { MEMBER_STATUSES, ZAwayReason, ZLedgerPatch, ZPersonalPatch } from '@tongxin/ledger';
import { departmentProcedure, memberProcedure, orgNotFound, secretaryProcedure, staffProcedure, withOptionalOrg, ZIdempotencyKey } from '@tongxin/trpc';
import type { TRPCRouterRecord } from '@trpc/server';
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { inSubtreeOfOrg } from '../orgs/in-subtree-of-org.ts';
import { inSubtree } from '@tongxin/db';
import { BRANCH_KINDS } from '../orgs/branch-kinds.ts';
import { countStaleness } from './count-staleness.ts';
import { createMember } from './create-member.ts';
import { findOrg, findRosterOrg } from '../orgs/find-org.ts';
import { getMember } from './get-member.ts';
import { getMyProfile } from './get-my-profile.ts';
import { listMembers, wholeIdCardIn } from './list-members.ts';
import { checkAwayReason, checkPersonalAndLedger, withIdCardFacts } from './personal-rules.ts';
import { listIdCardReads, revealIdCard } from './reveal-id-card.ts';
import { idCardTaken, writeUnlessIdCardTaken } from './id-card-taken.ts';
import { replayedCreate, requestDigest as requestDigestOf } from './request-digest.ts';
import { listIdCardLookups, recordIdCardSearch, remainingIdCardLookups } from './id-card-lookups.ts';
import { DomainError, badField } from '@tongxin/errors';

export const ZListMembersInput = z.object({
  orgId: z.uuid().optional(),
  /** A name fragment, the first digits of a phone, or a whole ID-card number. */
  search: z.string().trim().min(1).max(40).optional(),
  status: z.enum(MEMBER_STATUSES).optional(),
  destinationCity: z.string().trim().min(1).max(40).optional(),
  stale: z.boolean().optional(),
  lostContact: z.boolean().optional(),
  /** Away from home: mobile or lost contact (the overview's 流动党员 card, whose members this lists). */
  away: z.boolean().optional(),
  /** Checked in with a destination now (an active grant): the overview's 已报到 card. */
  checkedIn: z.boolean().optional(),
  /** Members without contact with the organization for at least this many months (the 6-month rule's early view). */
  noContactMonths: z.number().int().min(1).max(24).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});

export const ZCreateMemberInput = ZPersonalPatch.extend({
  branchId: z.uuid(),
  name: ZPersonalPatch.shape.name.unwrap(),
  status: z.enum(['resident', 'mobile', 'lost_contact']).default('resident'),
  /** Kept for older clients; `ledger.destinationCity` wins when both are given. */
  destinationCity: z.string().trim().min(1).max(40).optional(),
  ledger: ZLedgerPatch.optional(),
  /** 外出原因, for a member added as away. */
  awayReason: ZAwayReason.optional(),
  idempotencyKey: ZIdempotencyKey,
});

const ZMemberId = z.object({ memberId: z.uuid() });
const ZIdCardLookupsInput = z.object({ actorUserId: z.string().min(1).max(100).optional(), limit: z.number().int().min(1).max(500).optional() }).optional();
const ZStalenessInput = z.object({ orgId: z.uuid().optional() }).optional();

const notFound = () => new DomainError('member_not_found', { message: 'No such member in your scope' });

/**
 * The subtrees a list covers, as a condition on m.org_path: the named org's, else a
 * secretary's own orgs'. RLS limits the rows to those anyway; naming them lets the planner
 * use the members_org_path index instead of testing the policy on every member of the
 * county. Null = the department's whole tenant.
 */
function subtreeCondition(org: { path: string } | null, orgIds: string[] | null): SQL | null {
  if (!org) return orgIds ? sql`(${sql.join(orgIds.map((id) => inSubtreeOfOrg(sql`m.org_path`, id)), sql` or `)})` : null;
  return inSubtree(sql`m.org_path`, org.path);
}

export const membersRouter = {
  me: memberProcedure.query(async ({ ctx }) => {
    const profile = await ctx.tx((tx) => getMyProfile(tx, ctx.claims.userId, ctx.deps.now()));
    if (!profile) throw new DomainError('no_member_record', { message: 'No member record is linked to this account' });
    return profile;
  }),

  list: staffProcedure.input(ZListMembersInput).use(withOptionalOrg(findRosterOrg)).query(({ ctx, input }) => {
    // A whole ID-card number is an ID read (issue 13 B): limited per user and logged. The
    // limit's lock, count and log must be one transaction (a write), or parallel searches
    // would all pass the count before any is logged; any other search is a read.
    const idCard = wholeIdCardIn(input.search);
    return ctx.tx(async (tx) => {
      const { orgId: _orgId, ...filters } = input;
      const { tenantId, userId } = ctx.claims;
      const now = ctx.deps.now();
      if (idCard) await remainingIdCardLookups(tx, tenantId, userId, now);
      const page = await listMembers(tx, { ...filters, tenantId, within: subtreeCondition(ctx.org, ctx.orgIds), now });
      if (idCard) await recordIdCardSearch(tx, tenantId, userId, idCard, now);
      return page;
    }, idCard ? 'write' : 'read');
  }),

  get: staffProcedure.input(ZMemberId).query(async ({ ctx, input }) => {
    const member = await ctx.tx((tx) => getMember(tx, input.memberId, ctx.deps.now()));
    if (!member) throw notFound();
    return member;
  }),

  /** A mutation: every full read leaves a trace (roster.sensitive_reads). */
  revealIdCard: staffProcedure.input(ZMemberId).mutation(async ({ ctx, input }) => {
    const revealed = await ctx.tx((tx) => revealIdCard(tx, ctx.claims.tenantId, input.memberId, ctx.claims.userId, ctx.deps.now()));
    if (!revealed) throw notFound();
    return revealed;
  }),

  idCardReads: departmentProcedure.input(ZMemberId).query(({ ctx, input }) =>
    ctx.tx(async (tx) => {
      if (!(await getMember(tx, input.memberId, ctx.deps.now()))) throw notFound();
      return listIdCardReads(tx, input.memberId);
    }),
  ),

  /** Every search by a whole ID-card number and every refused registration, newest first (the department's audit, issue 13 B). */
  idCardLookups: departmentProcedure.input(ZIdCardLookupsInput).query(({ ctx, input }) =>
    ctx.tx((tx) => listIdCardLookups(tx, ctx.claims.tenantId, { actorUserId: input?.actorUserId, limit: input?.limit ?? 100 })),
  ),

  staleness: staffProcedure.input(ZStalenessInput).use(withOptionalOrg(findRosterOrg)).query(({ ctx }) =>
    ctx.tx((tx) => countStaleness(tx, { pathPrefix: ctx.org?.path ?? null, orgIds: ctx.orgIds, now: ctx.deps.now() })),
  ),

  create: secretaryProcedure.input(ZCreateMemberInput).mutation(async ({ ctx, input }) => {
    const outcome = await ctx.tx(async (tx) => {
      const { branchId, status, destinationCity, ledger, awayReason, idempotencyKey, ...given } = input;
      const { tenantId, userId } = ctx.claims;
      const now = ctx.deps.now();
      // A retry answers from what its key stored, before any check; a key re-sent with other
      // content is refused unread (issue 13 B: one key, many candidate numbers).
      const requestDigest = await requestDigestOf(userId, 'members.create', input);
      const replayed = await replayedCreate(tx, tenantId, idempotencyKey, requestDigest);
      if (replayed) return { written: { id: replayed.id, created: false } };
      checkPersonalAndLedger(now, { personal: given, ledger }, { personal: '', ledger: 'ledger.' });
      checkAwayReason(status, awayReason, 'awayReason');
      const found = await findOrg(tx, tenantId, branchId, ctx.orgIds);
      if (!found) throw badField('branchId', 'org_not_found');
      if (!found.managed) throw orgNotFound();
      const branch = found.org;
      if (!BRANCH_KINDS.includes(branch.kind)) throw badField('branchId', 'not_a_branch');
      const personal = withIdCardFacts(given);
      const record = { ...personal, name: given.name, status, destinationCity, ...ledger, awayReason, branchId, branchPath: branch.path, idempotencyKey, requestDigest };
      // A create with a number tells whether anyone holds it, in scope or not: limited before, logged when held.
      if (personal.idCardNumber) await remainingIdCardLookups(tx, tenantId, userId, now);
      return writeUnlessIdCardTaken(tx, { tenantId, actorUserId: userId, idCardNumber: personal.idCardNumber, now }, (sp) =>
        createMember(sp, tenantId, record, { userId, role: 'secretary' }, now),
      );
    });
    // After the commit, so the department keeps the log of the refusal.
    if ('refused' in outcome) throw idCardTaken(outcome.refused, 'idCardNumber');
    return outcome.written;
  }),
} satisfies TRPCRouterRecord;
