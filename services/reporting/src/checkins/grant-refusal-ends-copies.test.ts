import type { RoleGrant } from '@tongxin/auth';
import { relayOutbox, type DomainEvent } from '@tongxin/db';
import { applyCopyEventToTasks, migrations as tasksMigrations } from '@tongxin/tasks';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { migrations } from '../migrations.ts';
import { members, orgDirectory, outbox } from '../schema.ts';
import { applyGrantRefusal, CHECKIN_GRANT_REFUSED } from './apply-grant-refusal.ts';

// Issue 13 (A): the destination accepted a check-in, roster refused the grant, the check-in
// ended refused, and tasks' copy (made from the acceptance) stayed: the member read and
// claimed the tasks of an org that never took them. Reporting and tasks on one database;
// reporting's outbox reaches tasks' copy consumer through the relay, as the runner does.
let h: ServiceHarness;
const id = () => crypto.randomUUID();
const o = { yxDepartment: id(), yongshuiMobile: id(), rcDepartment: id(), rcFlow: id() };
const paths = { yongshuiMobile: `/${o.yxDepartment}/${o.yongshuiMobile}/`, rcFlow: `/${o.rcDepartment}/${o.rcFlow}/` };
const liming = { memberId: id(), userId: 'user-liming' };
const member = { tenantId: 'yx', userId: liming.userId, roles: [{ role: 'member', orgId: o.yongshuiMobile }] as RoleGrant[] };
const rcFlowSecretary = { tenantId: 'rc', userId: 'sec-rcFlow', roles: [{ role: 'secretary', orgId: o.rcFlow }] as RoleGrant[] };
const trpc = (name: string) => `/api/reporting/trpc/checkins.${name}`;

/** Delivers reporting's outbox to tasks' copies; the topics applied. */
async function relayToTasks(): Promise<string[]> {
  const applied: string[] = [];
  await relayOutbox(h.database, outbox, async (event) => {
    if ((await applyCopyEventToTasks(h.database, event)) === 'applied') applied.push(event.topic);
  });
  return applied;
}
const tasksCopies = async (checkinId: string) =>
  (await h.database.owner.execute(sql`select tenant_id, dest_org_id from tasks.checkins where checkin_id = ${checkinId}`)).rows;

beforeAll(async () => {
  h = await createServiceHarness(app, [migrations, tasksMigrations]);
  await h.database.owner.insert(orgDirectory).values({ tenantId: 'rc', orgId: o.rcFlow, name: '汝城县驻广州流动党员党支部', path: paths.rcFlow });
  await h.database.owner.insert(members).values({ tenantId: 'yx', memberId: liming.memberId, userId: liming.userId, name: '李明', branchId: o.yongshuiMobile, orgPath: paths.yongshuiMobile, status: 'mobile' });
});
afterAll(() => h.close());

describe('a copy of a check-in lives only while the check-in holds', () => {
  it('a check-in accepted, then refused by roster for its grant, leaves no copy in tasks', async () => {
    const request = await h.mutate(trpc('request'), {
      as: member,
      input: { destTenantId: 'rc', destOrgId: o.rcFlow, idempotencyKey: 'liming-refused-1' },
    });
    expect(request.error).toBeNull();
    const checkinId = request.data.checkinId as string;
    expect((await h.mutate(trpc('decide'), { as: rcFlowSecretary, input: { checkinId, decision: 'accept' } })).data).toEqual({ status: 'accepted' });
    expect(await relayToTasks()).toEqual(['reporting.checkin_accepted']);
    expect(await tasksCopies(checkinId)).toEqual([{ tenant_id: 'yx', dest_org_id: o.rcFlow }]);

    // Roster, in the member's county, finds the destination not as the directory says and writes no grant.
    const refused: DomainEvent = {
      id: id(), tenantId: 'yx', topic: CHECKIN_GRANT_REFUSED, createdAt: h.clock.now,
      payload: { checkinId, memberTenantId: 'yx', reason: 'path_mismatch' },
    } as DomainEvent;
    expect(await applyGrantRefusal(h.database, refused)).toBe('applied');
    expect(await relayToTasks()).toEqual(['reporting.checkin_ended']);
    expect(await tasksCopies(checkinId)).toEqual([]);
    const mine = await h.query(trpc('mine'), { as: member });
    expect(mine.data.find((c: { id: string }) => c.id === checkinId)?.status).toBe('refused');
  });

  it('a check-in the member ended before roster refused it is not ended twice', async () => {
    const request = await h.mutate(trpc('request'), {
      as: member,
      input: { destTenantId: 'rc', destOrgId: o.rcFlow, idempotencyKey: 'liming-refused-2' },
    });
    const checkinId = request.data.checkinId as string;
    await h.mutate(trpc('decide'), { as: rcFlowSecretary, input: { checkinId, decision: 'accept' } });
    await h.mutate(trpc('end'), { as: member, input: { checkinId } });
    expect(await relayToTasks()).toEqual(['reporting.checkin_accepted', 'reporting.checkin_ended']);
    const refused = { id: id(), tenantId: 'yx', topic: CHECKIN_GRANT_REFUSED, createdAt: h.clock.now, payload: { checkinId, memberTenantId: 'yx', reason: 'org_closed' } } as DomainEvent;
    expect(await applyGrantRefusal(h.database, refused)).toBe('skipped');
    expect(await relayToTasks()).toEqual([]);
    expect(await tasksCopies(checkinId)).toEqual([]);
  });
});
