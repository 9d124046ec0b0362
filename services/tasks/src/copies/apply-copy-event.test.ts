import { ENDED_SEATS_KEPT_MS } from '@tongxin/copies';
import type { DomainEvent } from '@tongxin/db';
import { SEAT_COOLING_OFF_MS } from '@tongxin/trpc';
import type { ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claim, createTasksHarness, department, key, member, o, paths, people, publish, secretaryOf, trpc } from '../testing/tasks-fixture.ts';
import { applyCopyEventToTasks } from './apply-copy-event.ts';

let h: ServiceHarness;
beforeAll(async () => {
  h = await createTasksHarness();
});
afterAll(() => h.close());

const event = (tenantId: string, topic: string, payload: unknown): DomainEvent => ({ id: crypto.randomUUID(), tenantId, topic, payload, createdAt: new Date() });
const titles = async (who: typeof people.zhou) => (await h.query(trpc('tasks.forMe'), { as: member(who) })).data.map((t: { title: string }) => t.title);

describe('applyCopyEventToTasks', () => {
  it('a check-in granted in another county brings its flow branch’s tasks to the member, once; its end takes them away', async () => {
    await publish(h, secretaryOf('gzFlow'), { orgId: o.gzFlow, visibility: 'flow_org', title: '广州：新来的老乡' });
    expect(await titles(people.zhou)).toEqual([]);
    const checkinId = crypto.randomUUID();
    const payload = { checkinId, memberTenantId: 'rc', memberId: people.zhou.memberId, granteeTenantId: 'yx', granteeOrgId: o.gzFlow, granteeOrgPath: paths.gzFlow };
    // The destination's acceptance alone copies nothing: roster may still refuse the grant (issue 13).
    const accepted = event('yx', 'reporting.checkin_accepted', { ...payload, fields: [], grantedBy: 'sec-gzFlow', grantedAt: '2026-11-01T08:00:00.000Z' });
    expect(await applyCopyEventToTasks(h.database, accepted)).toBe('ignored');
    expect(await titles(people.zhou)).toEqual([]);
    // roster.checkin_granted is written in the member's county ('rc') once the grant stands.
    const granted = event('rc', 'roster.checkin_granted', { ...payload, grantedAt: '2026-11-01T08:00:00.000Z' });
    expect(await applyCopyEventToTasks(h.database, granted)).toBe('applied');
    expect(await applyCopyEventToTasks(h.database, granted)).toBe('duplicate');
    expect(await titles(people.zhou)).toEqual(['广州：新来的老乡']);
    const ended = event('rc', 'reporting.checkin_ended', { checkinId, memberTenantId: 'rc', memberId: people.zhou.memberId, endedBy: 'u-zhou', endedAt: '2026-11-02T08:00:00.000Z' });
    expect(await applyCopyEventToTasks(h.database, ended)).toBe('applied');
    expect(await titles(people.zhou)).toEqual([]);
    // The grant's revocation, after a copy written late (roster's outbox and reporting's are relayed side by side), undoes it too.
    expect(await applyCopyEventToTasks(h.database, event('rc', 'roster.checkin_granted', { ...payload, grantedAt: '2026-11-01T08:00:00.000Z' }))).toBe('applied');
    expect(await titles(people.zhou)).toEqual(['广州：新来的老乡']);
    expect(await applyCopyEventToTasks(h.database, event('rc', 'roster.checkin_grant_revoked', { checkinId, memberTenantId: 'rc', memberId: people.zhou.memberId, revokedAt: '2026-11-02T08:00:00.000Z' }))).toBe('applied');
    expect(await titles(people.zhou)).toEqual([]);
  });

  it("identity's seats event is applied once and replaces the user's whole set of seats, keeping each ended one with its end (issue 13 C)", async () => {
    const rows = async () =>
      ((await h.database.owner.execute(sql`select org_id, ended_at from tasks.seats where tenant_id = 'yx' and user_id = 'u-seated' order by org_id`)).rows as { org_id: string; ended_at: string | Date | null }[])
        .map((r) => [r.org_id, r.ended_at === null ? null : new Date(r.ended_at).toISOString()]);
    const at = (iso: string) => new Date(iso);
    const byOrg = (...list: [string, string | null][]) => list.sort((a, b) => a[0].localeCompare(b[0]));
    const seats = (createdAt: Date, ...orgIds: string[]): DomainEvent => ({ ...event('yx', 'identity.seats_changed', { userId: 'u-seated', orgIds }), createdAt });
    const t1 = '2026-11-01T08:00:00.000Z', t2 = '2026-11-02T08:00:00.000Z', t3 = '2026-11-03T08:00:00.000Z', t4 = '2026-11-04T08:00:00.000Z';
    const appointed = seats(at(t1), o.yongshui, o.matian);
    expect(await applyCopyEventToTasks(h.database, appointed)).toBe('applied');
    expect(await applyCopyEventToTasks(h.database, appointed)).toBe('duplicate');
    expect(await rows()).toEqual(byOrg([o.yongshui, null], [o.matian, null]));
    // Moved to 龙潭: the two seats left end at the event's time, kept; a repeated set (another event id) keeps the first end.
    expect(await applyCopyEventToTasks(h.database, seats(at(t2), o.longtan))).toBe('applied');
    expect(await applyCopyEventToTasks(h.database, seats(at(t3), o.longtan))).toBe('applied');
    expect(await rows()).toEqual(byOrg([o.yongshui, t2], [o.matian, t2], [o.longtan, null]));
    // Re-appointed at 涌水 (held again, its end cleared) in place of 龙潭; stepping down from all ends it too.
    expect(await applyCopyEventToTasks(h.database, seats(at(t3), o.yongshui))).toBe('applied');
    expect(await rows()).toEqual(byOrg([o.yongshui, null], [o.matian, t2], [o.longtan, t3]));
    expect(await applyCopyEventToTasks(h.database, seats(at(t4)))).toBe('applied');
    expect(await rows()).toEqual(byOrg([o.yongshui, t4], [o.matian, t2], [o.longtan, t3]));
    // A change more than a year after a seat ended purges it; what the check could still count stays.
    expect(ENDED_SEATS_KEPT_MS).toBeGreaterThan(SEAT_COOLING_OFF_MS);
    const later = new Date(at(t2).getTime() + ENDED_SEATS_KEPT_MS + 1000);
    expect(await applyCopyEventToTasks(h.database, seats(later, o.huangcao))).toBe('applied');
    expect(await rows()).toEqual(byOrg([o.yongshui, t4], [o.longtan, t3], [o.huangcao, null]));
  });

  it('a member roster creates sees the tasks of their branch; other topics are ignored', async () => {
    const memberId = crypto.randomUUID();
    await publish(h, secretaryOf('longtan'), { orgId: o.longtan, title: '龙潭村：新党员也能看到' });
    const created = event('yx', 'roster.member_created', { memberId, userId: 'u-new', name: '新党员', branchId: o.longtan, orgPath: paths.longtan, status: 'resident', destinationCity: null });
    expect(await applyCopyEventToTasks(h.database, created)).toBe('applied');
    const newcomer = { ...people.huang, key: 'new', memberId, userId: 'u-new' };
    expect(await titles(newcomer)).toContain('龙潭村：新党员也能看到');
    expect(await applyCopyEventToTasks(h.database, event('yx', 'reporting.monthly_report_submitted', {}))).toBe('ignored');
  });

  it('when an org moves, its tasks, claims and completions move with it: the new township manages them', async () => {
    const taskId = await publish(h, secretaryOf('yongshui'), { title: '涌水村：随组织迁移', quota: null });
    const { claimId } = (await claim(h, people.lihua, taskId)).data;
    await h.mutate(trpc('completions.submit'), { as: member(people.lihua), input: { claimId, amount: 3, idempotencyKey: key('s') } });
    const newTownship = crypto.randomUUID();
    const toPath = `/${o.yxDepartment}/${newTownship}/${o.yongshui}/`;
    expect(await applyCopyEventToTasks(h.database, event('yx', 'roster.org_moved', { orgId: o.yongshui, fromPath: paths.yongshui, toPath }))).toBe('applied');
    const { rows } = await h.database.owner.execute(sql`select
      (select org_path from tasks.tasks where id = ${taskId}) as task,
      (select task_org_path from tasks.claims where id = ${claimId}) as claim,
      (select task_org_path from tasks.completions where claim_id = ${claimId}) as completion`);
    expect(rows[0]).toEqual({ task: toPath, claim: toPath, completion: toPath });
    const newSecretary = { tenantId: 'yx', userId: 'sec-new', roles: [{ role: 'secretary' as const, orgId: newTownship }] };
    expect((await h.query(trpc('tasks.progress'), { as: newSecretary, input: { taskId } })).data.claims).toHaveLength(1);
    expect((await h.query(trpc('completions.pending'), { as: newSecretary })).data).toHaveLength(1);
    expect((await h.query(trpc('tasks.progress'), { as: secretaryOf('matian'), input: { taskId } })).error?.code).toBe('NOT_FOUND');
    expect((await h.query(trpc('tasks.progress'), { as: department(), input: { taskId } })).data.task.id).toBe(taskId);
  });
});
