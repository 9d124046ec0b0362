import type { DomainEvent } from '@tongxin/db';
import { z } from 'zod';
import { chinaMonth, monthRange } from '@tongxin/calendar';
import { ZMonth } from '../periods/period.ts';
import type { ActivityKind } from '../rules/activity-rules.ts';

/**
 * The topics that earn points, from reporting's, roster's and tasks' outboxes (issue 7
 * contract). A check-in earns its points when roster writes its grant (`roster.checkin_granted`,
 * in the member's county), not when the destination accepts it: an acceptance roster then
 * refuses never held, and earns nothing (issue 13 A).
 */
export const SCORED_TOPICS = {
  monthlyReportSubmitted: 'reporting.monthly_report_submitted',
  checkinGranted: 'roster.checkin_granted',
  meetingAttended: 'reporting.meeting_attended',
  meetingCancelled: 'reporting.meeting_cancelled',
  suggestionAdopted: 'reporting.suggestion_adopted',
  taskClaimed: 'tasks.claimed',
  claimWithdrawn: 'tasks.claim_withdrawn',
  completionApproved: 'tasks.completion_approved',
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

const ZId = z.string().min(1);
// An instant that does not parse (or is absurd) falls back to the event's time rather than dropping the points.
const ZInstant = z.string();
// Any 8-4-4-4-12 hex id PostgreSQL takes as a uuid (not only RFC 4122 versions).
const ZMemberId = z.guid();
const ZTaskEvent = z.object({ claimId: ZId, memberTenantId: ZId, memberId: ZMemberId, userId: ZId.nullish(), taskTitle: z.unknown().optional(), taskKind: z.unknown().optional() });
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
    const p = z.object({ memberId: ZMemberId, userId: ZId.nullish(), period: ZMonth }).safeParse(event.payload);
    if (!p.success) return null;
    // A report belongs to the month it reports on, even when sent in the first days of the next.
    return award(event.tenantId, p.data.memberId, p.data.userId, 'monthly_report', p.data.period, monthRange(p.data.period).start, p.data.period);
  },
  [SCORED_TOPICS.checkinGranted]: (event) => {
    // Written in the member's county when the grant stands; the points go to the member there.
    const p = z.object({ checkinId: ZId, memberTenantId: ZId, memberId: ZMemberId, grantedAt: ZInstant.optional() }).safeParse(event.payload);
    if (!p.success) return null;
    return award(p.data.memberTenantId, p.data.memberId, null, 'checkin', p.data.checkinId, instant(p.data.grantedAt, event));
  },
  [SCORED_TOPICS.meetingAttended]: (event) => {
    const p = z
      .object({ meetingId: ZId, memberId: ZMemberId, userId: ZId.nullish(), attendance: z.string(), kind: z.unknown().optional(), startsAt: ZInstant.optional() })
      .safeParse(event.payload);
    const kind = p.success ? MEETING_KINDS.get(p.data.attendance) : undefined;
    if (!p.success || !kind) return null;
    // The meeting's kind (members_meeting, themed_party_day…); its date is the entry's activityAt.
    return award(event.tenantId, p.data.memberId, p.data.userId, kind, p.data.meetingId, instant(p.data.startsAt, event), labelOf(p.data.kind));
  },
  [SCORED_TOPICS.suggestionAdopted]: (event) => {
    const p = z.object({ suggestionId: ZId, memberId: ZMemberId, userId: ZId.nullish() }).safeParse(event.payload);
    if (!p.success) return null;
    return award(event.tenantId, p.data.memberId, p.data.userId, 'suggestion_adopted', p.data.suggestionId, event.createdAt);
  },
  [SCORED_TOPICS.taskClaimed]: (event) => {
    const p = ZTaskEvent.extend({ claimedAt: ZInstant.optional() }).safeParse(event.payload);
    if (!p.success || isStudy(p.data)) return null;
    return award(p.data.memberTenantId, p.data.memberId, p.data.userId, 'task_claimed', p.data.claimId, instant(p.data.claimedAt, event), labelOf(p.data.taskTitle));
  },
  [SCORED_TOPICS.claimWithdrawn]: (event) => {
    const p = ZTaskEvent.extend({ withdrawnAt: ZInstant.optional() }).safeParse(event.payload);
    if (!p.success) return null;
    const activityAt = instant(p.data.withdrawnAt, event);
    return { ...award(p.data.memberTenantId, p.data.memberId, p.data.userId, 'task_claimed', p.data.claimId, activityAt, labelOf(p.data.taskTitle)), action: 'withdraw_claim' };
  },
  [SCORED_TOPICS.completionApproved]: (event) => {
    const p = ZTaskEvent.extend({ approvedAt: ZInstant.optional(), points: z.number() }).safeParse(event.payload);
    if (!p.success || isStudy(p.data)) return null;
    const activity = award(p.data.memberTenantId, p.data.memberId, p.data.userId, 'task_completed', p.data.claimId, instant(p.data.approvedAt, event), labelOf(p.data.taskTitle));
    return { ...activity, promisedPoints: Math.max(0, Math.min(100, Math.round(p.data.points))) };
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
  const p = z
    .object({
      meetingId: ZId, kind: z.unknown().optional(), startsAt: ZInstant.optional(),
      attendances: z.array(z.object({ memberId: ZMemberId, userId: ZId.nullish(), attendance: z.string() })),
    })
    .safeParse(event.payload);
  if (!p.success) return null;
  const activityAt = instant(p.data.startsAt, event);
  return {
    tenantId: event.tenantId, meetingId: p.data.meetingId, activityAt, period: chinaMonth(activityAt), label: labelOf(p.data.kind),
    // Attendance that no longer counts may have earned before (in person, then absent): its
    // event still gets its 0, under the kind 视同参会 had, the only one a meeting took before its start.
    members: p.data.attendances.map((a) => ({ memberId: a.memberId, userId: a.userId ?? null, kind: MEETING_KINDS.get(a.attendance) ?? 'meeting_reported' })),
  };
}
