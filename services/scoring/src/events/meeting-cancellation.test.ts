import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { migrations } from '../migrations.ts';
import { activity, ownerReads, score, seedCopies } from '../testing/scoring-fixture.ts';
import { applyEventToScoring } from './apply-event-to-scoring.ts';

// Issue 13: a secretary scheduled a meeting, reported instead at once and cancelled it, and
// kept the points. A cancelled meeting gives back what it earned, once, in either order.
let h: ServiceHarness;
let db: ReturnType<typeof ownerReads>;
beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  db = ownerReads(h.database);
  await seedCopies(h.database);
});
afterAll(() => h.close());

const meetingEntries = (meetingId: string) =>
  db.rows(sql`select member_id, kind, points, note, period, topic from scoring.points_ledger where subject = ${meetingId} order by at`);

describe('a cancelled meeting gives its points back', () => {
  it('attendance earns, the cancellation gives back every member’s points once, in the meeting’s month; redelivery changes nothing', async () => {
    const meetingId = crypto.randomUUID();
    const startsAt = '2026-12-05T01:00:00Z';
    const before = { cds: await db.balance('曹德胜'), ccs: await db.balance('曹春生') };
    await score(h.database, activity.meeting('曹德胜', 'reported', startsAt, meetingId), activity.meeting('曹春生', 'online', startsAt, meetingId));
    expect(await db.balance('曹德胜')).toBe(before.cds + 3);
    expect(await db.balance('曹春生')).toBe(before.ccs + 3);

    const cancelled = activity.meetingCancelled('yx', meetingId, startsAt, [['曹德胜', 'reported'], ['曹春生', 'online']]);
    expect(await applyEventToScoring(h.database, cancelled)).toBe('applied');
    expect(await applyEventToScoring(h.database, cancelled)).toBe('duplicate');
    expect(await db.balance('曹德胜')).toBe(before.cds);
    expect(await db.balance('曹春生')).toBe(before.ccs);
    const entries = await meetingEntries(meetingId);
    expect(entries.filter((e) => e.topic === 'reporting.meeting_cancelled').map((e) => [e.kind, e.points, e.note, e.period]).sort()).toEqual([
      ['meeting_online', -3, 'meeting_cancelled', '2026-12'],
      ['meeting_reported', -3, 'meeting_cancelled', '2026-12'],
    ]);
  });

  it('a cancellation applied before the attendance event makes it earn 0', async () => {
    const meetingId = crypto.randomUUID();
    const startsAt = '2026-12-06T01:00:00Z';
    const before = await db.balance('刘秀英');
    expect(await applyEventToScoring(h.database, activity.meetingCancelled('yx', meetingId, startsAt, [['刘秀英', 'reported']]))).toBe('applied');
    const late = activity.meeting('刘秀英', 'reported', startsAt, meetingId);
    expect(await applyEventToScoring(h.database, late)).toBe('applied');
    expect(await applyEventToScoring(h.database, late)).toBe('duplicate');
    expect(await db.balance('刘秀英')).toBe(before);
    expect((await meetingEntries(meetingId)).map((e) => [e.points, e.note])).toEqual([[0, 'meeting_cancelled'], [0, 'already_cancelled']]);
  });

  it('points a member earned at the meeting are given back even when the cancellation does not list them', async () => {
    const meetingId = crypto.randomUUID();
    const startsAt = '2026-12-07T01:00:00Z';
    const before = await db.balance('王芳');
    await score(h.database, activity.meeting('王芳', 'reported', startsAt, meetingId));
    await score(h.database, activity.meetingCancelled('yx', meetingId, startsAt, []));
    expect(await db.balance('王芳')).toBe(before);
  });

  it('a cancellation and the attendance event applied at the same moment still net to zero', async () => {
    const meetingId = crypto.randomUUID();
    const startsAt = '2027-01-05T01:00:00Z';
    const before = await db.balance('李华');
    await Promise.all([
      applyEventToScoring(h.database, activity.meeting('李华', 'reported', startsAt, meetingId)),
      applyEventToScoring(h.database, activity.meetingCancelled('yx', meetingId, startsAt, [['李华', 'reported']])),
    ]);
    expect(await db.balance('李华')).toBe(before);
  });

  it('the give-back frees the month’s cap, and a meeting that was held still scores', async () => {
    const startsAt = '2027-02-05T01:00:00Z';
    const before = await db.balance('曹德胜');
    const [held, cancelled, later] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    await score(h.database, activity.meeting('曹德胜', 'reported', startsAt, held), activity.meeting('曹德胜', 'reported', startsAt, cancelled));
    expect(await db.balance('曹德胜')).toBe(before + 6);
    await score(h.database, activity.meetingCancelled('yx', cancelled, startsAt, [['曹德胜', 'reported']]));
    expect(await db.balance('曹德胜')).toBe(before + 3);
    // The cap (6 a month) counts the give-back: a third meeting that month earns its 3.
    await score(h.database, activity.meeting('曹德胜', 'reported', startsAt, later));
    expect(await db.balance('曹德胜')).toBe(before + 6);
  });
});
