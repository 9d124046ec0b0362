import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { migrations } from '../migrations.ts';
import { as, ownerReads, seedCopies } from '../testing/scoring-fixture.ts';

let h: ServiceHarness;
let db: ReturnType<typeof ownerReads>;
beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  db = ownerReads(h.database);
  await seedCopies(h.database);
});
afterAll(() => h.close());

const trpc = (name: string) => `/api/scoring/trpc/${name}`;
type Rule = { kind: string; points: number | null; monthlyCap: number | null };
const ruleOf = async (kind: string, who = as.department()) =>
  ((await h.query(trpc('rules.list'), { as: who })).data.rules as Rule[]).find((r) => r.kind === kind)!;

describe('rules.list', () => {
  it("staff see the county's rules, the defaults of issue 7 until changed, and the thresholds", async () => {
    const result = await h.query(trpc('rules.list'), { as: as.secretaryOf('yongshui') });
    expect(result.error).toBeNull();
    const byKind = Object.fromEntries((result.data.rules as Rule[]).map((r) => [r.kind, [r.points, r.monthlyCap]]));
    expect(byKind).toEqual({
      monthly_report: [5, 5], checkin: [10, 10], meeting_in_person: [5, 10], meeting_online: [3, 6], meeting_reported: [3, 6],
      suggestion_adopted: [5, 10], task_claimed: [1, 5], task_completed: [null, 60],
    });
    expect(result.data.thresholds).toEqual({ excellent: { points: 60, reports: 10 }, qualified: { points: 30, reports: 8 }, basic: { points: 10, reports: 4 }, pointsCount: false });
  });

  it('a member may not read the rules page', async () => {
    expect((await h.query(trpc('rules.list'), { as: as.member('曹德胜') })).error?.code).toBe('FORBIDDEN');
  });
});

describe('rules.update', () => {
  const change = { kind: 'meeting_online', points: 4, monthlyCap: 8, reason: '线上会议参与率低，提高积分', idempotencyKey: 'rule-online-0001' };

  it('the department changes a rule once however often the request is retried; the history says who, when, before, after, why', async () => {
    const first = await h.mutate(trpc('rules.update'), { as: as.department(), input: change });
    expect(first.data).toEqual({ kind: 'meeting_online', points: 4, monthlyCap: 8, changed: true });
    const retry = await h.mutate(trpc('rules.update'), { as: as.department(), input: change });
    expect(retry.data.changed).toBe(false);
    expect(await ruleOf('meeting_online')).toMatchObject({ points: 4, monthlyCap: 8 });
    const history = await h.query(trpc('rules.history'), { as: as.department() });
    expect(history.data).toHaveLength(1);
    expect(history.data[0]).toMatchObject({
      subject: 'meeting_online', before: { points: 3, monthlyCap: 6 }, after: { points: 4, monthlyCap: 8 }, reason: change.reason, by: 'dep-yx', byName: '组织部',
      at: '2026-11-02T01:00:00.000Z',
    });
  });

  it('only the cap can change, leaving the points', async () => {
    await h.mutate(trpc('rules.update'), { as: as.department(), input: { kind: 'task_completed', monthlyCap: 80, reason: '鼓励完成任务', idempotencyKey: 'rule-task-0001' } });
    expect(await ruleOf('task_completed')).toMatchObject({ points: null, monthlyCap: 80 });
  });

  it("another county's department does not see or change this county's rules", async () => {
    expect(await ruleOf('meeting_online', as.department('rc'))).toMatchObject({ points: 3, monthlyCap: 6 });
    expect((await h.query(trpc('rules.history'), { as: as.department('rc') })).data).toEqual([]);
  });

  it('a negative cap, points outside 0..100 or points for completed tasks: BAD_REQUEST naming the field, nothing changed', async () => {
    const before = await db.count('rule_changes');
    const bad = async (input: object) => (await h.mutate(trpc('rules.update'), { as: as.department(), input: { ...change, idempotencyKey: `rule-bad-${crypto.randomUUID()}`, ...input } })).error;
    expect(await bad({ monthlyCap: -1 })).toMatchObject({ code: 'BAD_REQUEST', fields: { monthlyCap: expect.any(String) } });
    expect(await bad({ points: 101 })).toMatchObject({ code: 'BAD_REQUEST', fields: { points: expect.any(String) } });
    expect(await bad({ points: -5 })).toMatchObject({ code: 'BAD_REQUEST', fields: { points: expect.any(String) } });
    expect(await bad({ kind: 'task_completed', points: 10 })).toMatchObject({ code: 'BAD_REQUEST', fields: { points: expect.any(String) } });
    expect(await bad({ kind: 'logins', points: 1 })).toMatchObject({ code: 'BAD_REQUEST', fields: { kind: expect.any(String) } });
    expect(await bad({ reason: ' ' })).toMatchObject({ code: 'BAD_REQUEST', fields: { reason: expect.any(String) } });
    expect(await db.count('rule_changes')).toBe(before);
    expect(await ruleOf('meeting_online')).toMatchObject({ points: 4, monthlyCap: 8 });
  });

  it('a secretary or a member may not change rules, nor read their history', async () => {
    expect((await h.mutate(trpc('rules.update'), { as: as.secretaryOf('matian'), input: { ...change, idempotencyKey: 'rule-sec-0001' } })).error?.code).toBe('FORBIDDEN');
    expect((await h.mutate(trpc('rules.update'), { as: as.member('曹德胜'), input: { ...change, idempotencyKey: 'rule-mem-0001' } })).error?.code).toBe('FORBIDDEN');
    expect((await h.query(trpc('rules.history'), { as: as.secretaryOf('matian') })).error?.code).toBe('FORBIDDEN');
  });
});

describe('thresholds.update', () => {
  const thresholds = { excellent: { points: 80, reports: 11 }, qualified: { points: 40, reports: 9 }, basic: { points: 15, reports: 5 } };

  it('the department sets the thresholds, with history', async () => {
    h.clock.now = new Date('2026-11-03T09:00:00+08:00');
    const result = await h.mutate(trpc('thresholds.update'), { as: as.department(), input: { ...thresholds, reason: '2026年度考核标准', idempotencyKey: 'thr-2026-0001' } });
    expect(result.data).toEqual({ ...thresholds, pointsCount: false, changed: true });
    expect((await h.query(trpc('rules.list'), { as: as.secretaryOf('yongshui') })).data.thresholds).toEqual({ ...thresholds, pointsCount: false });
    const history = (await h.query(trpc('rules.history'), { as: as.department() })).data;
    expect(history[0]).toMatchObject({ subject: 'thresholds', before: { excellent: { points: 60, reports: 10 } }, after: thresholds });
    // Points count in the proposal only when the county chooses; left out, the choice stays.
    const chose = await h.mutate(trpc('thresholds.update'), { as: as.department(), input: { ...thresholds, pointsCount: true, reason: '积分计入评价建议', idempotencyKey: 'thr-2026-0002' } });
    expect(chose.data).toEqual({ ...thresholds, pointsCount: true, changed: true });
    await h.mutate(trpc('thresholds.update'), { as: as.department(), input: { ...thresholds, reason: '其他不变', idempotencyKey: 'thr-2026-0003' } });
    expect((await h.query(trpc('rules.list'), { as: as.department() })).data.thresholds.pointsCount).toBe(true);
    await h.mutate(trpc('thresholds.update'), { as: as.department(), input: { ...thresholds, pointsCount: false, reason: '恢复', idempotencyKey: 'thr-2026-0004' } });
    expect((await h.query(trpc('rules.history'), { as: as.department() })).data).toContainEqual(
      expect.objectContaining({ before: expect.objectContaining({ pointsCount: true }), after: expect.objectContaining({ pointsCount: false }) }),
    );
  });

  it('a lower grade needing more than a better one, or negative numbers: BAD_REQUEST naming the field', async () => {
    const bad = async (input: object) =>
      (await h.mutate(trpc('thresholds.update'), { as: as.department(), input: { ...thresholds, reason: '调整', idempotencyKey: `thr-bad-${crypto.randomUUID()}`, ...input } })).error;
    expect(await bad({ qualified: { points: 90, reports: 9 } })).toMatchObject({ code: 'BAD_REQUEST', fields: { 'qualified.points': expect.any(String) } });
    expect(await bad({ basic: { points: 15, reports: 10 } })).toMatchObject({ code: 'BAD_REQUEST', fields: { 'basic.reports': expect.any(String) } });
    expect(await bad({ basic: { points: -1, reports: 1 } })).toMatchObject({ code: 'BAD_REQUEST', fields: { 'basic.points': expect.any(String) } });
    expect((await h.query(trpc('rules.list'), { as: as.department() })).data.thresholds).toEqual({ ...thresholds, pointsCount: false });
  });

  it('a secretary may not set thresholds', async () => {
    const result = await h.mutate(trpc('thresholds.update'), { as: as.secretaryOf('matian'), input: { ...thresholds, reason: '调整', idempotencyKey: 'thr-sec-0001' } });
    expect(result.error?.code).toBe('FORBIDDEN');
  });
});
