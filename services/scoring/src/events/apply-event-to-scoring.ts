import { tenantTransaction, type Database, type DomainEvent, type Tx } from '@tongxin/db';
import { and, eq, sql } from 'drizzle-orm';
import { readRule } from '../rules/read-rules.ts';
import { members, pointsLedger, scoredEvents, type EntryNote } from '../schema.ts';
import { capPoints } from './cap-points.ts';
import { scoredActivityOf, SCORED_TOPICS, type ScoredActivity } from './scored-activity.ts';

/**
 * The points consumer: reporting's and tasks' events become ledger entries in the member's
 * county. Each event is applied exactly once, also when delivered twice or out of order:
 * - its id is claimed in `scoring.scored_events` in the member's county, in the same
 *   transaction as the entry (and the entry's (tenant, event, member) key is unique too);
 * - the member's entries are serialized by a transaction-scoped advisory lock, so caps and
 *   a claim racing its withdrawal see each other;
 * - one activity (a report's month, a check-in, a meeting, a suggestion, a claim) counts
 *   once whatever events speak of it, and a withdrawal that arrives before its claim is
 *   remembered: the claim then earns 0, so the two net to zero in either order.
 * An entry a cap cuts, to 0 perhaps, is still written (capped) so the evaluation counts the
 * activity.
 */
export async function applyEventToScoring(database: Database, event: DomainEvent): Promise<'applied' | 'duplicate' | 'ignored'> {
  const activity = scoredActivityOf(event);
  if (!activity) return 'ignored';
  return tenantTransaction(database, { tenantId: activity.tenantId, tenantWide: true }, async (tx) => {
    const claimed = await tx
      .insert(scoredEvents)
      .values({ tenantId: activity.tenantId, eventId: event.id, topic: event.topic })
      .onConflictDoNothing()
      .returning({ id: scoredEvents.eventId });
    if (claimed.length === 0) return 'duplicate';
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`scoring:${activity.tenantId}:${activity.memberId}`}))`);
    if (activity.action === 'withdraw_claim') await withdrawClaim(tx, event, activity);
    else await awardActivity(tx, event, activity);
    return 'applied';
  });
}

async function awardActivity(tx: Tx, event: DomainEvent, activity: ScoredActivity) {
  const prior = await entriesOfActivity(tx, activity);
  if (activity.kind === 'task_claimed' && prior.some((e) => e.topic === SCORED_TOPICS.claimWithdrawn)) {
    return writeEntry(tx, event, activity, { points: 0, note: 'already_withdrawn' });
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
