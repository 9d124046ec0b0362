import { tenantTransaction, type DomainEvent } from '@tongxin/db';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { migrations } from '../migrations.ts';
import { activity, as, event, memberIdOf, ownerReads, score, seedCopies } from '../testing/scoring-fixture.ts';
import { applyCopyEventToScoring } from './apply-copy-event.ts';
import { applyEventToScoring } from './apply-event-to-scoring.ts';

let h: ServiceHarness;
let db: ReturnType<typeof ownerReads>;
beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  db = ownerReads(h.database);
  await seedCopies(h.database);
});
afterAll(() => h.close());

describe('points from reporting', () => {
  it('a monthly report earns its points in the month it reports on, with the event time and the time applied', async () => {
    const report = activity.monthlyReport('曹德胜', '2026-10', new Date('2026-11-03T02:00:00Z'));
    expect(await applyEventToScoring(h.database, report)).toBe('applied');
    const [entry] = await db.rows(sql`select kind, points, period, source, source_event_id, event_at, at, topic from scoring.points_ledger where source_event_id = ${report.id}`);
    expect(entry).toMatchObject({ kind: 'monthly_report', points: 5, period: '2026-10', source: 'event', topic: 'reporting.monthly_report_submitted' });
    expect(new Date(entry.event_at).toISOString()).toBe('2026-11-03T02:00:00.000Z');
    expect(new Date(entry.at).getTime()).toBeGreaterThanOrEqual(new Date(entry.event_at).getTime());
  });

  it('the same event delivered twice, or twice at once, is applied once', async () => {
    const report = activity.monthlyReport('曹春生', '2026-10');
    expect(await applyEventToScoring(h.database, report)).toBe('applied');
    expect(await applyEventToScoring(h.database, report)).toBe('duplicate');
    const again = activity.monthlyReport('曹春生', '2026-09');
    const results = await Promise.all([applyEventToScoring(h.database, again), applyEventToScoring(h.database, again)]);
    expect(results.sort()).toEqual(['applied', 'duplicate']);
    expect(await db.count('points_ledger', `member_id = '${memberIdOf('曹春生')}'`)).toBe(2);
    expect(await db.balance('曹春生')).toBe(10);
  });

  it('attendance in person, online and reported instead (视同参会) earn their kinds; absence earns nothing', async () => {
    expect(
      await score(
        h.database,
        activity.meeting('李华', 'in_person', '2026-04-05T02:00:00Z'),
        activity.meeting('李华', 'online', '2026-04-12T12:00:00Z'),
        activity.meeting('李华', 'reported', '2026-04-19T12:00:00Z'),
        activity.meeting('李华', 'absent', '2026-04-26T12:00:00Z'),
      ),
    ).toEqual(['applied', 'applied', 'applied', 'ignored']);
    expect((await db.entries('李华')).map((e) => [e.kind, e.points])).toEqual([['meeting_in_person', 5], ['meeting_online', 3], ['meeting_reported', 3]]);
  });

  it('a check-in earns the member points in their own county once roster writes its grant, not at the acceptance (which roster may refuse); the copy follows the grant, once', async () => {
    const granted = activity.granted('曹德胜', 'rc', 'rcBranch');
    expect(granted.tenantId).toBe('yx');
    // The destination's acceptance alone earns nothing and copies nothing (issue 13 A).
    const accepted = { ...granted, id: crypto.randomUUID(), tenantId: 'rc', topic: 'reporting.checkin_accepted' };
    expect(await applyEventToScoring(h.database, accepted)).toBe('ignored');
    expect(await applyCopyEventToScoring(h.database, accepted)).toBe('ignored');
    expect(await applyEventToScoring(h.database, granted)).toBe('applied');
    expect(await applyCopyEventToScoring(h.database, granted)).toBe('applied');
    expect(await applyEventToScoring(h.database, granted)).toBe('duplicate');
    expect(await applyCopyEventToScoring(h.database, granted)).toBe('duplicate');
    const [entry] = await db.rows(sql`select tenant_id, kind, points from scoring.points_ledger where source_event_id = ${granted.id}`);
    expect(entry).toEqual({ tenant_id: 'yx', kind: 'checkin', points: 10 });
    expect(await db.count('scored_events', `tenant_id = 'rc'`)).toBe(0);
  });

  it('an adopted suggestion earns points; a topic scoring does not handle, or an unreadable payload, is ignored', async () => {
    expect(await applyEventToScoring(h.database, activity.suggestion('黄文杰'))).toBe('applied');
    expect(await applyEventToScoring(h.database, event('roster.member_created', 'yx', { memberId: memberIdOf('黄文杰') }))).toBe('ignored');
    expect(await applyEventToScoring(h.database, event('reporting.suggestion_adopted', 'yx', { memberId: 'not-a-member' }))).toBe('ignored');
    expect((await db.entries('黄文杰')).map((e) => [e.kind, e.points])).toEqual([['suggestion_adopted', 5]]);
  });

  it('an activity time that does not parse counts at the event’s own time instead of losing the points', async () => {
    const meeting = activity.meeting('朱建国', 'in_person', 'next Tuesday');
    expect(await applyEventToScoring(h.database, meeting)).toBe('applied');
    const [entry] = await db.rows(sql`select period, points from scoring.points_ledger where source_event_id = ${meeting.id}`);
    expect(entry).toEqual({ period: '2026-11', points: 5 });
  });
});

describe('monthly caps', () => {
  it('in-person meetings earn at most 10 a month; the capped one is still recorded, marked, so the evaluation counts it', async () => {
    await score(
      h.database,
      activity.meeting('刘秀英', 'in_person', '2026-03-02T02:00:00Z'),
      activity.meeting('刘秀英', 'in_person', '2026-03-10T02:00:00Z'),
      activity.meeting('刘秀英', 'in_person', '2026-03-20T02:00:00Z'),
    );
    expect((await db.entries('刘秀英')).map((e) => [e.period, e.points, e.capped])).toEqual([
      ['2026-03', 5, false], ['2026-03', 5, false], ['2026-03', 0, true],
    ]);
  });

  it('the month is China time: a meeting at 07:00 Beijing on 1 April counts in April, not in March', async () => {
    await score(h.database, activity.meeting('刘秀英', 'in_person', '2026-03-31T23:00:00Z'));
    const last = (await db.entries('刘秀英')).at(-1);
    expect(last).toMatchObject({ period: '2026-04', points: 5, capped: false });
  });

  it('the same activity told by two events counts once (a repeat earns 0)', async () => {
    const meetingId = crypto.randomUUID();
    await score(h.database, activity.meeting('王芳', 'online', '2026-05-06T12:00:00Z', meetingId), activity.meeting('王芳', 'online', '2026-05-06T12:00:00Z', meetingId));
    expect((await db.entries('王芳')).map((e) => [e.points, e.note])).toEqual([[3, null], [0, 'repeat']]);
  });

  it('completed tasks earn the points the task promised, up to 60 a month', async () => {
    const [a, b] = [crypto.randomUUID(), crypto.randomUUID()];
    await score(h.database, activity.approved('王芳', a, 50, '2026-06-03T01:00:00Z'), activity.approved('王芳', b, 40, '2026-06-20T01:00:00Z'));
    const tasks = (await db.entries('王芳')).filter((e) => e.kind === 'task_completed');
    expect(tasks.map((e) => [e.points, e.capped])).toEqual([[50, false], [10, true]]);
  });

  it('study is recorded, never scored: a study task\'s claim and completion earn nothing, whatever points the task names', async () => {
    const claimId = crypto.randomUUID();
    const before = (await db.entries('黄文杰')).length;
    expect(await applyEventToScoring(h.database, activity.claimed('黄文杰', claimId, '2026-11-02T01:00:00Z', undefined, 'study'))).toBe('ignored');
    expect(await applyEventToScoring(h.database, activity.approved('黄文杰', claimId, 100, '2026-11-05T01:00:00Z', 'study'))).toBe('ignored');
    expect((await db.entries('黄文杰')).length).toBe(before);
  });

  it('a rule the department changed applies to events from then on; entries already made keep their points', async () => {
    await tenantTransaction(h.database, { tenantId: 'yx', tenantWide: true }, (tx) =>
      tx.execute(sql`insert into scoring.rules (tenant_id, kind, points, monthly_cap, updated_by) values ('yx', 'suggestion_adopted', 8, 8, 'dep-yx')`),
    );
    await score(h.database, activity.suggestion('黄文杰', new Date('2026-11-20T01:00:00Z')));
    expect((await db.entries('黄文杰')).map((e) => e.points)).toEqual([5, 3]);
  });
});

describe('claims and withdrawals, in either order', () => {
  it('a claim earns 1 point and its withdrawal gives it back', async () => {
    const claimId = crypto.randomUUID();
    await score(h.database, activity.claimed('李华', claimId), activity.withdrawn('李华', claimId));
    const entries = (await db.entries('李华')).filter((e) => e.kind === 'task_claimed');
    expect(entries.map((e) => [e.points, e.note])).toEqual([[1, null], [-1, 'claim_withdrawn']]);
  });

  it('a withdrawal that arrives before its claim nets to zero', async () => {
    const claimId = crypto.randomUUID();
    const claimed = activity.claimed('曹春生', claimId);
    const withdrawn = activity.withdrawn('曹春生', claimId);
    const before = await db.balance('曹春生');
    expect(await score(h.database, withdrawn, claimed, withdrawn, claimed)).toEqual(['applied', 'applied', 'duplicate', 'duplicate']);
    expect(await db.balance('曹春生')).toBe(before);
    const entries = (await db.entries('曹春生')).filter((e) => e.kind === 'task_claimed');
    expect(entries.map((e) => [e.points, e.note])).toEqual([[0, 'claim_withdrawn'], [0, 'already_withdrawn']]);
  });

  it('a claim and its withdrawal applied at the same moment still net to zero', async () => {
    const claimId = crypto.randomUUID();
    const before = await db.balance('刘秀英');
    await Promise.all([applyEventToScoring(h.database, activity.withdrawn('刘秀英', claimId)), applyEventToScoring(h.database, activity.claimed('刘秀英', claimId))]);
    expect(await db.balance('刘秀英')).toBe(before);
  });

  it('claims earn at most 5 a month; a withdrawal frees its share of the cap', async () => {
    const ids = Array.from({ length: 7 }, () => crypto.randomUUID());
    await score(h.database, ...ids.slice(0, 6).map((id) => activity.claimed('黄文杰', id, '2026-07-02T01:00:00Z')));
    await score(h.database, activity.withdrawn('黄文杰', ids[0]!), activity.claimed('黄文杰', ids[6]!, '2026-07-20T01:00:00Z'));
    const july = (await db.entries('黄文杰')).filter((e) => e.kind === 'task_claimed' && e.period === '2026-07');
    expect(july.map((e) => e.points)).toEqual([1, 1, 1, 1, 1, 0, -1, 1]);
    expect(july.reduce((s, e) => s + e.points, 0)).toBe(5);
  });
});

describe('what each entry is about', () => {
  const titled = (e: DomainEvent, taskTitle: string) => ({ ...e, payload: { ...(e.payload as object), taskTitle } });
  it('task entries keep the task title, meetings their kind, reports their period; the staff and the member read it back', async () => {
    const claimId = crypto.randomUUID();
    const older = crypto.randomUUID();
    await score(
      h.database,
      titled(activity.claimed('王芳', claimId, '2026-08-02T01:00:00Z'), '帮村里销售冰糖橙'),
      // The withdrawal's event may not say the title: the claim's entry does.
      activity.withdrawn('王芳', claimId, '2026-08-03T01:00:00Z'),
      titled(activity.approved('王芳', crypto.randomUUID(), 10, '2026-08-05T01:00:00Z'), '帮村里销售冰糖橙'),
      // An older event without a title: no label, still its points.
      activity.claimed('王芳', older, '2026-08-06T01:00:00Z'),
      { ...activity.meeting('王芳', 'in_person', '2026-08-09T02:00:00Z'), payload: { ...(activity.meeting('王芳', 'in_person', '2026-08-09T02:00:00Z').payload as object), kind: 'themed_party_day' } },
      activity.monthlyReport('王芳', '2026-08'),
    );
    const rows = await db.rows(sql`select kind, points, label, note from scoring.points_ledger where member_id = ${memberIdOf('王芳')} and period = '2026-08' order by activity_at, at`);
    expect(rows.map((r) => [r.kind, r.points, r.label])).toEqual([
      ['monthly_report', 5, '2026-08'],
      ['task_claimed', 1, '帮村里销售冰糖橙'],
      ['task_claimed', -1, '帮村里销售冰糖橙'],
      ['task_completed', 10, '帮村里销售冰糖橙'],
      ['task_claimed', 1, null],
      ['meeting_in_person', 5, 'themed_party_day'],
    ]);
    const staff = await h.query('/api/scoring/trpc/points.entries', { as: as.department(), input: { memberId: memberIdOf('王芳') } });
    expect(staff.data.find((e: { kind: string }) => e.kind === 'task_completed')).toMatchObject({ label: '帮村里销售冰糖橙', reason: null, points: 10 });
    const mine = await h.query('/api/scoring/trpc/points.mine', { as: as.member('王芳'), input: { period: { year: 2026, month: 8 } } });
    expect(mine.data.entries.map((e: { label: string | null }) => e.label)).toContain('themed_party_day');
  });
});

describe('the ledger is append-only', () => {
  it('nobody, not even the owner, updates, deletes or truncates an entry', async () => {
    for (const statement of [
      sql`update scoring.points_ledger set points = 100`,
      sql`delete from scoring.points_ledger`,
      sql`truncate scoring.points_ledger`,
    ]) {
      await expect(h.database.owner.execute(statement)).rejects.toThrow();
    }
    expect(await db.count('points_ledger')).toBeGreaterThan(0);
  });

  it("a member's transaction sees their own entries only; another county sees none", async () => {
    const mine = await tenantTransaction(h.database, { tenantId: 'yx', userId: as.member('曹德胜').userId }, (tx) =>
      tx.execute(sql`select distinct member_id from scoring.points_ledger`),
    );
    expect(mine.rows).toEqual([{ member_id: memberIdOf('曹德胜') }]);
    const other = await tenantTransaction(h.database, { tenantId: 'rc', tenantWide: true }, (tx) => tx.execute(sql`select count(*)::int as n from scoring.points_ledger where tenant_id = 'yx'`));
    expect(other.rows[0]!.n).toBe(0);
  });
});
