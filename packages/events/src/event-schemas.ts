import { z } from 'zod';
import { TOPICS, type Topic } from './topics.ts';

// One schema per topic: what its producers write (TypeScript and SQL functions alike) and
// what its consumers parse. A field marked "legacy" is optional only because events recorded
// before it was added lack it; every producer writes it now.

const ZId = z.string().min(1);
/** An instant as the producers write it: `toISOString()` or SQL's `to_char(… 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`. */
const ZInstant = z.string().min(1);
/** A China-calendar month, `YYYY-MM`. */
const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const ZAttendance = z.enum(['in_person', 'online', 'reported', 'excused', 'absent']);

// ---- roster ----

/** A member as other services copy them (reporting, tasks, scoring, identity). */
const ZMemberCopy = z.object({
  memberId: ZId,
  userId: ZId.nullable(),
  name: z.string(),
  branchId: ZId,
  orgPath: z.string(),
  status: z.string(),
  /** Where the member works now: tasks offer a filter by it. Legacy (issue 7). */
  destinationCity: z.string().nullable().optional(),
  /** The ledger's own phone: identity's username and where its codes go. Legacy (issue 12). */
  phone: z.string().nullable().optional(),
  /** `idTailDigest(memberId, idCardNumber)`, never the number itself. Legacy (issue 12). */
  idTailDigest: z.string().nullable().optional(),
});

/** `roster.member_created`. Path and status are legacy: reporting derives a path without them. */
export const ZMemberCreated = ZMemberCopy.extend({ orgPath: z.string().optional(), status: z.string().optional() });
/** `roster.member_updated`: the member after a change to a copied field. */
export const ZMemberUpdated = ZMemberCopy.extend({
  /** Who made the change (member, secretary, department, system); identity reads it. */
  changedBy: z.string().optional(),
});
/** `roster.org_saved`: an org created, renamed or updated, or closed. */
export const ZOrgSaved = z.object({ orgId: ZId, kind: z.string(), name: z.string(), path: z.string(), city: z.string().nullable(), closedAt: ZInstant.nullable() });
/** `roster.org_moved`: every copied path starting with `fromPath` now starts with `toPath`. */
export const ZOrgMoved = z.object({ orgId: ZId, fromPath: z.string().min(1), toPath: z.string().min(1) });
/** `roster.org_closed`: no check-in to it any more. */
export const ZOrgClosed = z.object({ orgId: ZId, closedAt: ZInstant });
/** `roster.checkin_granted`, in the member's county when the grant of an accepted check-in is written: what copies of a check-in follow. */
export const ZCheckinGranted = z.object({
  checkinId: ZId, memberTenantId: ZId, memberId: ZId, granteeTenantId: ZId, granteeOrgId: ZId, granteeOrgPath: z.string(),
  grantedAt: ZInstant.optional(),
});
/** `roster.checkin_grant_revoked`, in the member's county, after the grant's `roster.checkin_granted`. */
export const ZCheckinGrantRevoked = z.object({ checkinId: ZId, memberTenantId: ZId, memberId: ZId, revokedAt: ZInstant.optional() });
/** Why an accepted check-in got no grant: the org closed since the request, or is not where the check-in said. */
export const ZGrantRefusalReason = z.enum(['org_closed', 'path_mismatch']);
/** `roster.checkin_grant_refused`, in the member's county: reporting refuses the check-in. */
export const ZCheckinGrantRefused = z.object({ checkinId: ZId, memberTenantId: ZId, reason: ZGrantRefusalReason });
/**
 * `roster.certificate_changed`, in the holder's county, whenever a certificate is issued, handed
 * back or revoked (issue 17): reporting keeps what a check-in shows of it (number, end date,
 * state), never the register's other columns. A date past `validUntil` is expired whatever the state says.
 */
export const ZCertificateChanged = z.object({
  certificateId: ZId, memberId: ZId, number: z.string().min(1), validUntil: z.iso.date(), status: z.enum(['valid', 'returned', 'revoked', 'expired']), at: ZInstant,
});
/** `roster.transfer_accepted`, in the RECEIVING county: the origin closes its record. */
export const ZTransferAccepted = z.object({ transferId: ZId, originTenantId: ZId, memberId: ZId, newTenantId: ZId, newMemberId: ZId });
/**
 * `roster.certificate_ending`, in the holder's county, once per certificate, days before its
 * end date (issue 17): reporting reminds the holder (`memberUserId`, null without an account)
 * and the accounts seated at the holder's branch (`branchUserIds`) in their inboxes.
 */
export const ZCertificateEnding = z.object({
  certificateId: ZId, memberId: ZId, number: z.string().min(1), holderName: z.string(), validUntil: z.iso.date(),
  memberUserId: ZId.nullable(), branchUserIds: z.array(ZId),
});

// ---- reporting ----

/** `reporting.checkin_accepted`, in the ACCEPTING county; roster writes the grant in the member's county from it. */
export const ZCheckinAccepted = z.object({
  checkinId: ZId, memberTenantId: ZId, memberId: ZId, granteeTenantId: ZId, granteeOrgId: ZId, granteeOrgPath: z.string(),
  fields: z.array(z.string()), grantedBy: ZId, grantedAt: ZInstant.optional(),
  /** The destination's name and who accepted (issue 17: the ledger's destination organization and its leader). Absent on older events. */
  granteeOrgName: z.string().optional(), grantedByName: z.string().nullish(),
});
/** `reporting.checkin_ended`, by whichever county ended it (a refusal after acceptance included). */
export const ZCheckinEnded = z.object({ checkinId: ZId, memberTenantId: ZId, memberId: ZId, endedBy: z.string().optional(), endedAt: ZInstant.optional() });
export const ZCheckinDecision = z.enum(['accept', 'refuse', 'return']);
/**
 * `reporting.outside_checkin_confirmed`, in the member's county: a destination outside Tongxin
 * confirmed from its link (issue 17). Only the member's county reads it: its ledger's
 * destination organization, leader and contact (enter once), and the member's last contact.
 */
export const ZOutsideCheckinConfirmed = z.object({
  checkinId: ZId, memberId: ZId, orgName: z.string().min(1), contactName: z.string().min(1), contactPhone: z.string().min(1), confirmedAt: ZInstant,
});
/** `reporting.outside_checkin_ended`: a confirmed outside check-in ended (the ledger's destination it filled is cleared). */
export const ZOutsideCheckinEnded = z.object({ checkinId: ZId, memberId: ZId, endedAt: ZInstant });
/** `reporting.checkin_decided`: every decision, for the member's inbox. */
export const ZCheckinDecided = z.object({
  checkinId: ZId, memberTenantId: ZId, userId: ZId, decision: ZCheckinDecision, reason: z.string().nullable(), destOrgName: z.string(), decidedAt: ZInstant,
});
/** `reporting.monthly_report_submitted`, once per report (its first submission). */
export const ZMonthlyReportSubmitted = z.object({ reportId: ZId, memberId: ZId, userId: ZId, period: ZMonth, ledgerUnchanged: z.boolean() });
/** `reporting.meeting_attended`: attendance that became one that counts. */
export const ZMeetingAttended = z.object({ meetingId: ZId, memberId: ZId, userId: ZId.nullable(), attendance: ZAttendance, kind: z.string(), startsAt: ZInstant });
/** `reporting.meeting_cancelled`, with every member whose attendance was recorded (any value). */
export const ZMeetingCancelled = z.object({
  meetingId: ZId, kind: z.string(), startsAt: ZInstant, cancelledAt: ZInstant,
  attendances: z.array(z.object({ memberId: ZId, userId: ZId.nullable(), attendance: ZAttendance })),
});
/** `reporting.suggestion_adopted`. */
export const ZSuggestionAdopted = z.object({ suggestionId: ZId, memberId: ZId, userId: ZId.nullable(), category: z.string() });
/** `reporting.lost_contact_proposed`, in the member's county, by the escalation ladder. */
export const ZLostContactProposed = z.object({ memberId: ZId, period: ZMonth, periods: z.array(ZMonth), contactTaskId: ZId });

// ---- tasks ---- (event.tenantId is the TASK's county; memberTenantId the member's)

const ZTaskEvent = z.object({
  claimId: ZId, taskId: ZId, memberTenantId: ZId, memberId: ZId, userId: ZId,
  /** The task's title when claimed (the claim's task_title). Legacy (issue 10). */
  taskTitle: z.string().nullish(),
});
/** `tasks.claimed` (SQL: tasks.take_place). */
export const ZTaskClaimed = ZTaskEvent.extend({ taskKind: z.string(), taskOrgId: ZId, claimedAt: ZInstant });
/** `tasks.claim_withdrawn` (SQL: tasks.release_place). */
export const ZTaskClaimWithdrawn = ZTaskEvent.extend({ withdrawnAt: ZInstant });
/**
 * `tasks.completion_approved`, once per claim: a reviewer's approval (TypeScript) or a study
 * task's confirmation (SQL: tasks.submit_completion). `points` were promised at the claim;
 * `amount` is the number achieved in `unit`, if any.
 */
export const ZTaskCompletionApproved = ZTaskEvent.extend({
  completionId: ZId, taskKind: z.string(), taskOrgId: ZId, points: z.number(), amount: z.number().nullable(), unit: z.string().nullable(), approvedAt: ZInstant,
});
/** `tasks.completion_rejected`: sent back with the reviewer's reason. */
export const ZTaskCompletionRejected = ZTaskEvent.extend({ completionId: ZId, reason: z.string(), rejectedAt: ZInstant });

// ---- identity ----

/** `identity.tenant_created`, in the platform's outbox. */
export const ZTenantCreated = z.object({ tenantId: ZId, name: z.string().min(1), kind: z.enum(['county', 'city']), cityId: z.string().nullish() });
/** `identity.tenant_live`: the county marked itself live. */
export const ZTenantLive = z.object({ tenantId: ZId });
/** `identity.account_activated`: the account `userId` is the member's. */
export const ZAccountActivated = z.object({ memberId: z.uuid(), userId: ZId });
/** `identity.account_closed`: the member's account is gone (transferred out). */
export const ZAccountClosed = z.object({ memberId: z.uuid(), userId: ZId.nullable().optional() });
/**
 * `identity.seats_changed`: the FULL current set of org ids a user holds a secretary seat of
 * (empty: none left), and how the holder is reached (issue 17: a destination deciding a
 * check-in calls the home secretary). Name and phone are legacy.
 */
export const ZSeatsChanged = z.object({ userId: ZId, orgIds: z.array(z.uuid()), name: z.string().nullish(), phone: z.string().nullish() });
/**
 * `identity.city_grant_changed`, in the county's outbox (the event's tenant is the county): its
 * department gave (`granted`) or revoked its city's right to read the county's rollups
 * (issue 15). `at` orders a give and a revoke; the copies keep the latest.
 */
export const ZCityGrantChanged = z.object({ cityId: ZId, granted: z.boolean(), at: ZInstant });

const { roster, reporting, tasks, identity } = TOPICS;

export const EVENT_SCHEMAS = {
  [roster.memberCreated]: ZMemberCreated,
  [roster.memberUpdated]: ZMemberUpdated,
  [roster.orgSaved]: ZOrgSaved,
  [roster.orgMoved]: ZOrgMoved,
  [roster.orgClosed]: ZOrgClosed,
  [roster.checkinGranted]: ZCheckinGranted,
  [roster.checkinGrantRevoked]: ZCheckinGrantRevoked,
  [roster.checkinGrantRefused]: ZCheckinGrantRefused,
  [roster.transferAccepted]: ZTransferAccepted,
  [roster.certificateEnding]: ZCertificateEnding,
  [roster.certificateChanged]: ZCertificateChanged,
  [reporting.checkinAccepted]: ZCheckinAccepted,
  [reporting.checkinEnded]: ZCheckinEnded,
  [reporting.checkinDecided]: ZCheckinDecided,
  [reporting.outsideCheckinConfirmed]: ZOutsideCheckinConfirmed,
  [reporting.outsideCheckinEnded]: ZOutsideCheckinEnded,
  [reporting.monthlyReportSubmitted]: ZMonthlyReportSubmitted,
  [reporting.meetingAttended]: ZMeetingAttended,
  [reporting.meetingCancelled]: ZMeetingCancelled,
  [reporting.suggestionAdopted]: ZSuggestionAdopted,
  [reporting.lostContactProposed]: ZLostContactProposed,
  [tasks.claimed]: ZTaskClaimed,
  [tasks.claimWithdrawn]: ZTaskClaimWithdrawn,
  [tasks.completionApproved]: ZTaskCompletionApproved,
  [tasks.completionRejected]: ZTaskCompletionRejected,
  [identity.tenantCreated]: ZTenantCreated,
  [identity.tenantLive]: ZTenantLive,
  [identity.accountActivated]: ZAccountActivated,
  [identity.accountClosed]: ZAccountClosed,
  [identity.seatsChanged]: ZSeatsChanged,
  [identity.cityGrantChanged]: ZCityGrantChanged,
} as const satisfies Record<Topic, z.ZodType>;

/** A topic's payload, as producers write it and consumers read it. */
export type EventPayload<T extends Topic> = z.infer<(typeof EVENT_SCHEMAS)[T]>;

export function isTopic(topic: string): topic is Topic {
  return Object.hasOwn(EVENT_SCHEMAS, topic);
}

/** The payload checked against its topic's schema (a ZodError names the field that drifted). */
export function parsePayload<T extends Topic>(topic: T, payload: unknown): EventPayload<T> {
  return EVENT_SCHEMAS[topic].parse(payload) as EventPayload<T>;
}
