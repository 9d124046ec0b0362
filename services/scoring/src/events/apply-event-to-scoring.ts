import { selectRows, tenantTransaction, type Database, type DomainEvent, type Tx } from '@tongxin/db';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { DEFAULT_RULES } from '../rules/activity-rules.ts';
import { members, pointsLedger, scoredEvents, type EntryNote } from '../schema.ts';
import { meetingCancellationOf, MEETING_ACTIVITY_KINDS, scoredActivityOf, SCORED_TOPICS, type MeetingCancellation, type ScoredActivity } from './scored-activity.ts';

/**
 * The points consumer: reporting's, roster's and tasks' events become ledger entries in the
 * member's county, exactly once, also when delivered twice or out of order. The rules of
 * that (the event id claimed with the entry, the member's lock, one activity counting once, a
 * withdrawal before its claim, caps) are `scoring.score_activity` (score-activity.sql): one
 * call in a tenant unit, so an event costs the relay one round trip (issue 16: at nine, the
 * relay fell behind a sustained load). A meeting's cancellation, rare and about many members,
 * stays a transaction here.
 */
export async function applyEventToScoring(database: Database, event: DomainEvent): Promise<'applied' | 'duplicate' | 'ignored'> {
  const cancellation = meetingCancellationOf(event);
  if (cancellation) return applyMeetingCancellation(database, event, cancellation);
  const activity = scoredActivityOf(event);
  if (!activity) return 'ignored';
  return tenantTransaction(database, { tenantId: activity.tenantId, tenantWide: true }, (tx) => scoreActivity(tx, event, activity), 'unit');
}

async function scoreActivity(tx: Tx, event: DomainEvent, activity: ScoredActivity): Promise<'applied' | 'duplicate'> {
  const rule = DEFAULT_RULES[activity.kind];
  const promised = activity.kind === 'task_completed' ? (activity.promisedPoints ?? 0) : null;
  const [row] = await selectRows<{ result: 'applied' | 'duplicate' }>(tx, sql`
    select scoring.score_activity(${event.id}::uuid, ${event.topic}, ${new Date(event.createdAt).toISOString()}::timestamptz,
      ${activity.action === 'withdraw_claim'}, ${activity.memberId}::uuid, ${activity.userId}, ${activity.kind}, ${activity.subject},
      ${activity.label}, ${activity.period}, ${activity.activityAt.toISOString()}::timestamptz,
      ${promised}::integer, ${rule.points}::integer, ${rule.monthlyCap}::integer, ${MEETING_KINDS_ARRAY}::text[]) as result`);
  return row!.result;
}

/** The meeting kinds as a PostgreSQL array literal (a parameter, so the statement stays one prepared text). */
const MEETING_KINDS_ARRAY = `{${MEETING_ACTIVITY_KINDS.join(',')}}`;

/** Claims the event id in the county, in the transaction that writes its entries: false if already applied. */
async function claimEventId(tx: Tx, tenantId: string, event: DomainEvent): Promise<boolean> {
  const claimed = await tx
    .insert(scoredEvents)
    .values({ tenantId, eventId: event.id, topic: event.topic })
    .onConflictDoNothing()
    .returning({ id: scoredEvents.eventId });
  return claimed.length > 0;
}

/** Serializes a member's entries until the transaction ends; the same key as score_activity's. */
async function lockMember(tx: Tx, tenantId: string, memberId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('scoring:' || ${tenantId}::text || ':' || ${memberId}::uuid::text))`);
}

/**
 * A cancelled meeting gives back, once, every point its attendance earned (issue 13: a
 * meeting scheduled, reported on and cancelled kept its points): for each member with an
 * entry of the meeting (whoever reporting could still list) or listed by reporting, a
 * compensating entry in the entry's month, or a 0 that makes their attendance event, when it
 * comes later, earn 0. Members are locked in one order, so concurrent events cannot deadlock.
 */
async function applyMeetingCancellation(database: Database, event: DomainEvent, cancellation: MeetingCancellation): Promise<'applied' | 'duplicate'> {
  return tenantTransaction(database, { tenantId: cancellation.tenantId, tenantWide: true }, async (tx) => {
    if (!(await claimEventId(tx, cancellation.tenantId, event))) return 'duplicate';
    const earned = await tx
      .selectDistinct({ memberId: pointsLedger.memberId })
      .from(pointsLedger)
      .where(and(eq(pointsLedger.tenantId, cancellation.tenantId), eq(pointsLedger.subject, cancellation.meetingId), inArray(pointsLedger.kind, MEETING_ACTIVITY_KINDS)));
    const listed = new Map(cancellation.members.map((m) => [m.memberId, m]));
    const memberIds = [...new Set([...earned.map((e) => e.memberId), ...listed.keys()])].sort();
    for (const memberId of memberIds) {
      await lockMember(tx, cancellation.tenantId, memberId);
      const prior = await entriesOfMeeting(tx, cancellation.tenantId, memberId, cancellation.meetingId);
      if (prior.some(isCancellation)) continue;
      const base = {
        action: 'award' as const, tenantId: cancellation.tenantId, memberId, userId: listed.get(memberId)?.userId ?? null, subject: cancellation.meetingId,
      };
      const award = prior.find((e) => e.topic === SCORED_TOPICS.meetingAttended);
      if (!award) {
        const kind = listed.get(memberId)?.kind ?? 'meeting_reported';
        await writeEntry(tx, event, { ...base, kind, activityAt: cancellation.activityAt, period: cancellation.period, label: cancellation.label }, { points: 0, note: 'meeting_cancelled' });
        continue;
      }
      const earnedPoints = prior.filter((e) => e.kind === award.kind).reduce((sum, e) => sum + e.points, 0);
      await writeEntry(
        tx, event,
        { ...base, kind: award.kind as ScoredActivity['kind'], activityAt: award.activityAt, period: award.period, label: award.label ?? cancellation.label },
        { points: -earnedPoints, note: 'meeting_cancelled' },
      );
    }
    return 'applied';
  });
}

const isCancellation = (entry: { topic: string | null }) => entry.topic === SCORED_TOPICS.meetingCancelled;

/** A member's entries of one meeting, whatever attendance kind they were earned as. */
function entriesOfMeeting(tx: Tx, tenantId: string, memberId: string, meetingId: string) {
  return tx
    .select({ kind: pointsLedger.kind, topic: pointsLedger.topic, points: pointsLedger.points, period: pointsLedger.period, activityAt: pointsLedger.activityAt, label: pointsLedger.label })
    .from(pointsLedger)
    .where(
      and(
        eq(pointsLedger.tenantId, tenantId),
        eq(pointsLedger.memberId, memberId),
        eq(pointsLedger.subject, meetingId),
        inArray(pointsLedger.kind, MEETING_ACTIVITY_KINDS),
      ),
    );
}

async function writeEntry(tx: Tx, event: DomainEvent, activity: ScoredActivity, entry: { points: number; capped?: boolean; note?: EntryNote }) {
  let userId = activity.userId;
  if (!userId) {
    const [member] = await tx.select({ userId: members.userId }).from(members).where(and(eq(members.tenantId, activity.tenantId), eq(members.memberId, activity.memberId)));
    userId = member?.userId ?? null;
  }
  await tx
    .insert(pointsLedger)
    .values({
      tenantId: activity.tenantId,
      memberId: activity.memberId,
      userId,
      kind: activity.kind,
      points: entry.points,
      source: 'event',
      sourceEventId: event.id,
      topic: event.topic,
      subject: activity.subject,
      label: activity.label,
      period: activity.period,
      activityAt: activity.activityAt,
      eventAt: new Date(event.createdAt),
      capped: entry.capped ?? false,
      note: entry.note ?? null,
    })
    .onConflictDoNothing();
}
