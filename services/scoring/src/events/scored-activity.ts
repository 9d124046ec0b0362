import type { DomainEvent } from '@tongxin/db';
import {
  TOPICS, ZCheckinGranted, ZMeetingAttended, ZMeetingCancelled, ZMonthlyReportSubmitted, ZSuggestionAdopted, ZTaskClaimed, ZTaskClaimWithdrawn, ZTaskCompletionApproved,
} from '@tongxin/events';
import { z } from 'zod';
import { chinaMonth, monthRange } from '@tongxin/calendar';
import type { ActivityKind } from '../rules/activity-rules.ts';

/**
 * The topics that earn points, from reporting's, roster's and tasks' outboxes (issue 7
 * contract). A check-in earns its points when roster writes its grant (`roster.checkin_granted`,
 * in the member's county), not when the destination accepts it: an acceptance roster then
 * refuses never held, and earns nothing (issue 13 A).
 */
export const SCORED_TOPICS = {
  monthlyReportSubmitted: TOPICS.reporting.monthlyReportSubmitted,
  checkinGranted: TOPICS.roster.checkinGranted,
  meetingAttended: TOPICS.reporting.meetingAttended,
  meetingCancelled: TOPICS.reporting.meetingCancelled,
  suggestionAdopted: TOPICS.reporting.suggestionAdopted,
  taskClaimed: TOPICS.tasks.claimed,
  claimWithdrawn: TOPICS.tasks.claimWithdrawn,
  completionApproved: TOPICS.tasks.completionApproved,
} as const;

/** What an event means for one member's points, in the member's county. */
export interface ScoredActivity {
  /** award: an activity that earns points; withdraw_claim: undoes a task claim's points. */
  action: 'award' | 'withdraw_claim';
  tenantId: string;
  memberId: string;
  userId: string | null;
  kind: ActivityKind;
  /** The activity's id, so one activity counts once whatever events speak of it. */
  subject: string;
  /** The activity's own time, whose China month the caps and rankings count it in. */
  activityAt: Date;
  period: string;
  /** A completed task's promised points. */
  promisedPoints?: number;
  /** What people read the entry as (schema/ledger.ts `label`); null when the event did not say. */
  label: string | null;
}

// Any 8-4-4-4-12 hex id PostgreSQL takes as a uuid (not only RFC 4122 versions): scoring's tables key on it.
const ZMemberId = z.guid();
const isMemberId = (value: unknown) => ZMemberId.safeParse(value).success;

/**
 * The payload read with its topic's schema, or null when it does not parse or names a member
 * by no uuid: skipped rather than blocking the relay forever.
 */
function read<S extends z.ZodType<object>>(schema: S, event: DomainEvent): z.infer<S> | null {
  const parsed = schema.safeParse(event.payload);
  if (!parsed.success) return null;
  const payload = parsed.data as z.infer<S> & { memberId?: unknown };
  return payload.memberId === undefined || isMemberId(payload.memberId) ? payload : null;
}

// The topics' schemas (@tongxin/events), lenient on what scoring has a fallback for: an
// event without its activity's time counts when it was recorded; one without a label has none.
const Z = {
  monthlyReportSubmitted: ZMonthlyReportSubmitted,
  checkinGranted: ZCheckinGranted,
  meetingAttended: ZMeetingAttended.partial({ startsAt: true, kind: true }),
  meetingCancelled: ZMeetingCancelled.partial({ startsAt: true, kind: true, cancelledAt: true }),
  suggestionAdopted: ZSuggestionAdopted,
  taskClaimed: ZTaskClaimed.partial({ claimedAt: true }),
  claimWithdrawn: ZTaskClaimWithdrawn.partial({ withdrawnAt: true }),
  completionApproved: ZTaskCompletionApproved.partial({ approvedAt: true }),
};

/** Study is recorded (tasks keeps the completion), never scored: neither its claim nor its completion earns points. */
const isStudy = (p: { taskKind?: unknown }) => p.taskKind === 'study';
// A label the event may carry (older events do not): a readable string of sensible length, else none.
const labelOf = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim().slice(0, 200) : null);

// Attendance that counts (reporting's countsAsAttended): in person, online, or reported
// instead (视同参会). Anything else (absent, excused…) earns nothing.
const MEETING_KINDS = new Map<string, ActivityKind>([['in_person', 'meeting_in_person'], ['online', 'meeting_online'], ['reported', 'meeting_reported']]);
/** The kinds a meeting's entries have: a cancellation gives back whichever the meeting earned. */
export const MEETING_ACTIVITY_KINDS: ActivityKind[] = [...MEETING_KINDS.values()];

const parsers: Record<string, (event: DomainEvent) => ScoredActivity | null> = {
  [SCORED_TOPICS.monthlyReportSubmitted]: (event) => {
    const p = read(Z.monthlyReportSubmitted, event);
    if (!p) return null;
    // A report belongs to the month it reports on, even when sent in the first days of the next.
    return award(event.tenantId, p.memberId, p.userId, 'monthly_report', p.period, monthRange(p.period).start, p.period);
  },
  [SCORED_TOPICS.checkinGranted]: (event) => {
    // Written in the member's county when the grant stands; the points go to the member there.
    const p = read(Z.checkinGranted, event);
    if (!p) return null;
    return award(p.memberTenantId, p.memberId, null, 'checkin', p.checkinId, instant(p.grantedAt, event));
  },
  [SCORED_TOPICS.meetingAttended]: (event) => {
    const p = read(Z.meetingAttended, event);
    const kind = p ? MEETING_KINDS.get(p.attendance) : undefined;
    if (!p || !kind) return null;
    // The meeting's kind (members_meeting, themed_party_day…); its date is the entry's activityAt.
    return award(event.tenantId, p.memberId, p.userId, kind, p.meetingId, instant(p.startsAt, event), labelOf(p.kind));
  },
  [SCORED_TOPICS.suggestionAdopted]: (event) => {
    const p = read(Z.suggestionAdopted, event);
    if (!p) return null;
    return award(event.tenantId, p.memberId, p.userId, 'suggestion_adopted', p.suggestionId, event.createdAt);
  },
  [SCORED_TOPICS.taskClaimed]: (event) => {
    const p = read(Z.taskClaimed, event);
    if (!p || isStudy(p)) return null;
    return award(p.memberTenantId, p.memberId, p.userId, 'task_claimed', p.claimId, instant(p.claimedAt, event), labelOf(p.taskTitle));
  },
  [SCORED_TOPICS.claimWithdrawn]: (event) => {
    const p = read(Z.claimWithdrawn, event);
    if (!p) return null;
    const activityAt = instant(p.withdrawnAt, event);
    return { ...award(p.memberTenantId, p.memberId, p.userId, 'task_claimed', p.claimId, activityAt, labelOf(p.taskTitle)), action: 'withdraw_claim' };
  },
  [SCORED_TOPICS.completionApproved]: (event) => {
    const p = read(Z.completionApproved, event);
    if (!p || isStudy(p)) return null;
    const activity = award(p.memberTenantId, p.memberId, p.userId, 'task_completed', p.claimId, instant(p.approvedAt, event), labelOf(p.taskTitle));
    return { ...activity, promisedPoints: Math.max(0, Math.min(100, Math.round(p.points))) };
  },
};

function instant(value: string | undefined, event: DomainEvent): Date {
  const at = value ? new Date(value) : new Date(Number.NaN);
  const year = at.getUTCFullYear();
  return Number.isNaN(year) || year < 2000 || year > 2999 ? new Date(event.createdAt) : at;
}

function award(
  tenantId: string, memberId: string, userId: string | null | undefined, kind: ActivityKind, subject: string, activityAt: Date, label: string | null = null,
): ScoredActivity {
  return { action: 'award', tenantId, memberId, userId: userId ?? null, kind, subject, activityAt, period: chinaMonth(activityAt), label };
}

/**
 * The activity an event reports, or null for a topic scoring ignores, attendance that does
 * not count, or a payload it cannot read (skipped rather than blocking the relay forever).
 */
export function scoredActivityOf(event: DomainEvent): ScoredActivity | null {
  const parse = Object.hasOwn(parsers, event.topic) ? parsers[event.topic] : undefined;
  return parse ? parse(event) : null;
}

/** A cancelled meeting: what scoring gives back, in the meeting's county. */
export interface MeetingCancellation {
  tenantId: string;
  meetingId: string;
  /** The meeting's start (its entries' month), for members whose attendance event has not come yet. */
  activityAt: Date;
  period: string;
  label: string | null;
  /** The members reporting listed, with the kind their listed attendance would have earned. */
  members: { memberId: string; userId: string | null; kind: ActivityKind }[];
}

/** The cancellation `reporting.meeting_cancelled` reports, or null for another topic or a payload it cannot read. */
export function meetingCancellationOf(event: DomainEvent): MeetingCancellation | null {
  if (event.topic !== SCORED_TOPICS.meetingCancelled) return null;
  const p = read(Z.meetingCancelled, event);
  if (!p || !p.attendances.every((a) => isMemberId(a.memberId))) return null;
  const activityAt = instant(p.startsAt, event);
  return {
    tenantId: event.tenantId, meetingId: p.meetingId, activityAt, period: chinaMonth(activityAt), label: labelOf(p.kind),
    // Attendance that no longer counts may have earned before (in person, then absent): its
    // event still gets its 0, under the kind 视同参会 had, the only one a meeting took before its start.
    members: p.attendances.map((a) => ({ memberId: a.memberId, userId: a.userId ?? null, kind: MEETING_KINDS.get(a.attendance) ?? 'meeting_reported' })),
  };
}
