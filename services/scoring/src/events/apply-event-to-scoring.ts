import { tenantTransaction, type Database, type DomainEvent, type Tx } from '@tongxin/db';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { readRule } from '../rules/read-rules.ts';
import { members, pointsLedger, scoredEvents, type EntryNote } from '../schema.ts';
import { capPoints } from './cap-points.ts';
import { meetingCancellationOf, MEETING_ACTIVITY_KINDS, scoredActivityOf, SCORED_TOPICS, type MeetingCancellation, type ScoredActivity } from './scored-activity.ts';

/**
 * The points consumer: reporting's and tasks' events become ledger entries in the member's
 * county. Each event is applied exactly once, also when delivered twice or out of order:
 * - its id is claimed in `scoring.scored_events` in the member's county, in the same
 *   transaction as the entry (and the entry's (tenant, event, member) key is unique too);
 * - the member's entries are serialized by a transaction-scoped advisory lock, so caps and
 *   a claim racing its withdrawal see each other;
 * - one activity (a report's month, a check-in, a meeting, a suggestion, a claim) counts
 *   once whatever events speak of it, and a withdrawal that arrives before its claim is
 *   remembered: the claim then earns 0, so the two net to zero in either order; a cancelled
 *   meeting likewise gives back what its attendance earned, and attendance applied after the
 *   cancellation earns 0.
 * An entry a cap cuts, to 0 perhaps, is still written (capped) so the evaluation counts the
 * activity.
 */
export async function applyEventToScoring(database: Database, event: DomainEvent): Promise<'applied' | 'duplicate' | 'ignored'> {
  const cancellation = meetingCancellationOf(event);
  if (cancellation) return applyMeetingCancellation(database, event, cancellation);
  const activity = scoredActivityOf(event);
  if (!activity) return 'ignored';
  return tenantTransaction(database, { tenantId: activity.tenantId, tenantWide: true }, async (tx) => {
    if (!(await claimEventId(tx, activity.tenantId, event))) return 'duplicate';
    await lockMember(tx, activity.tenantId, activity.memberId);
    if (activity.action === 'withdraw_claim') await withdrawClaim(tx, event, activity);
    else await awardActivity(tx, event, activity);
    return 'applied';
  });
}

/** Claims the event id in the county, in the transaction that writes its entries: false if already applied. */
async function claimEventId(tx: Tx, tenantId: string, event: DomainEvent): Promise<boolean> {
  const claimed = await tx
    .insert(scoredEvents)
    .values({ tenantId, eventId: event.id, topic: event.topic })
    .onConflictDoNothing()
    .returning({ id: scoredEvents.eventId });
  return claimed.length > 0;
}

/** Serializes a member's entries until the transaction ends (caps, a claim and its withdrawal, attendance and its cancellation). */
async function lockMember(tx: Tx, tenantId: string, memberId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`scoring:${tenantId}:${memberId}`}))`);
}

async function awardActivity(tx: Tx, event: DomainEvent, activity: ScoredActivity) {
  const prior = await entriesOfActivity(tx, activity);
  if (activity.kind === 'task_claimed' && prior.some((e) => e.topic === SCORED_TOPICS.claimWithdrawn)) {
    return writeEntry(tx, event, activity, { points: 0, note: 'already_withdrawn' });
  }
  if (MEETING_ACTIVITY_KINDS.includes(activity.kind) && (await entriesOfMeeting(tx, activity.tenantId, activity.memberId, activity.subject)).some(isCancellation)) {
    return writeEntry(tx, event, activity, { points: 0, note: 'already_cancelled' });
  }
  if (prior.some((e) => e.topic === event.topic)) return writeEntry(tx, event, activity, { points: 0, note: 'repeat' });

  const rule = await readRule(tx, activity.kind);
  const wanted = activity.kind === 'task_completed' ? (activity.promisedPoints ?? 0) : (rule.points ?? 0);
  const { points, capped } = await capPoints(tx, activity, wanted, rule.monthlyCap);
  return writeEntry(tx, event, activity, { points, capped });
}

/** A withdrawn claim gives back what its claim earned, in the claim's month; before its claim, 0 and remembered. */
async function withdrawClaim(tx: Tx, event: DomainEvent, activity: ScoredActivity) {
  const prior = await entriesOfActivity(tx, activity);
  if (prior.some((e) => e.topic === event.topic)) return writeEntry(tx, event, activity, { points: 0, note: 'repeat' });
  const claim = prior.find((e) => e.topic === SCORED_TOPICS.taskClaimed);
  if (!claim) return writeEntry(tx, event, activity, { points: 0, note: 'claim_withdrawn' });
  const label = activity.label ?? claim.label;
  return writeEntry(tx, event, { ...activity, period: claim.period, activityAt: claim.activityAt, label }, { points: -claim.points, note: 'claim_withdrawn' });
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

function entriesOfActivity(tx: Tx, activity: ScoredActivity) {
  return tx
    .select({ topic: pointsLedger.topic, points: pointsLedger.points, period: pointsLedger.period, activityAt: pointsLedger.activityAt, label: pointsLedger.label })
    .from(pointsLedger)
    .where(
      and(
        eq(pointsLedger.tenantId, activity.tenantId),
        eq(pointsLedger.memberId, activity.memberId),
        eq(pointsLedger.kind, activity.kind),
        eq(pointsLedger.subject, activity.subject),
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
