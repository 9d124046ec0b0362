import { relayOutbox } from '@tongxin/db';
import { migrations as reportingMigrations, reportingSchema } from '@tongxin/reporting';
import { applyGrantRefusal } from '@tongxin/reporting';
import { app as reportingApp } from '@tongxin/reporting/app';
import { applyCopyEventToTasks, migrations as tasksMigrations } from '@tongxin/tasks';
import type { ServiceBindings } from '@tongxin/trpc';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app as rosterApp } from '../app.ts';
import { migrations } from '../migrations.ts';
import { orgDirectory, orgs, outbox as rosterOutbox } from '../schema.ts';
import { callers, ownerReads } from '../testing/callers.ts';
import { seedRoster } from '../testing/roster-fixture.ts';
import { applyCheckinEvent } from './apply-checkin-event.ts';

// Issue 13 (A): the destination accepted a check-in, roster refused the grant, the check-in
// ended refused, and tasks' copy (made from the acceptance) stayed: the member read and claimed
// the tasks of an org that never took them. Copies now follow the grant: written from
// roster.checkin_granted, undone by its revocation and by every end of the check-in.
// Roster, reporting and tasks on one database; both outboxes relayed as the runner does.
let h: ServiceHarness;
let ids: Record<string, string>;
let paths: Record<string, string>;
let as: ReturnType<typeof callers>;
let liMing: string;

const liming = () => as.memberAs('user-liming', 'yongshuiMobile');
const checkins = (name: string) => `/api/reporting/trpc/checkins.${name}`;
const FLOW = { name: '汝城县驻广州流动党员党支部', city: '广州' };

/** Both outboxes to their consumers, as infra/runner/src/relays.ts wires them; the topics tasks applied. */
async function relay(): Promise<string[]> {
  const copied: string[] = [];
  for (let round = 0; round < 5; round++) {
    let delivered = 0;
    delivered += await relayOutbox(h.database, reportingSchema.outbox, async (event) => {
      await applyCheckinEvent(h.database, event, h.clock.now);
      if ((await applyCopyEventToTasks(h.database, event)) === 'applied') copied.push(event.topic);
    });
    delivered += await relayOutbox(h.database, rosterOutbox, async (event) => {
      await applyGrantRefusal(h.database, event);
      if ((await applyCopyEventToTasks(h.database, event)) === 'applied') copied.push(event.topic);
    });
    if (delivered === 0) break;
  }
  return copied.filter((topic) => topic.includes('checkin'));
}
const tasksCopies = async (checkinId: string) =>
  (await h.database.owner.execute(sql`select tenant_id, dest_org_id, dest_org_path from tasks.checkins where checkin_id = ${checkinId}`)).rows;
const status = async (checkinId: string) => (await h.query(checkins('mine'), { as: liming() })).data.find((c: { id: string }) => c.id === checkinId)?.status;

async function flowBranch(key: string, rosterPath: (id: string) => string, reportingPath: (id: string) => string) {
  ids[key] = crypto.randomUUID();
  paths[key] = rosterPath(ids[key]);
  await h.database.owner.insert(orgs).values({ tenantId: 'rc', id: ids[key], parentId: ids.rcDepartment, kind: 'flow_branch', name: FLOW.name, city: FLOW.city, province: '广东', path: paths[key] });
  await h.database.owner.insert(orgDirectory).values({ tenantId: 'rc', orgId: ids[key], kind: 'flow_branch', name: FLOW.name, province: '广东', city: FLOW.city, path: paths[key] });
  await h.database.owner.insert(reportingSchema.orgDirectory).values({ tenantId: 'rc', orgId: ids[key], name: FLOW.name, path: reportingPath(ids[key]) });
}

beforeAll(async () => {
  const all = new Hono<{ Bindings: ServiceBindings }>().route('/', rosterApp).route('/', reportingApp);
  h = await createServiceHarness(all, [migrations, reportingMigrations, tasksMigrations]);
  ({ ids, paths } = await seedRoster(h.database));
  as = callers(ids);
  liMing = await ownerReads(h.database).memberId('李明');
  await h.database.owner.insert(reportingSchema.members).values({ tenantId: 'yx', memberId: liMing, userId: 'user-liming', name: '李明', branchId: ids.yongshuiMobile!, orgPath: paths.yongshuiMobile!, status: 'mobile' });
  await flowBranch('rcFlow', (id) => `${paths.rcDepartment}${id}/`, (id) => `${paths.rcDepartment}${id}/`);
  // Moved under 热水村 in roster since reporting's copy heard of it: the grant will be refused (path_mismatch).
  await flowBranch('rcMoved', (id) => `${paths.reshui}${id}/`, (id) => `${paths.rcDepartment}${id}/`);
});
afterAll(() => h.close());

async function acceptedCheckin(org: string, key: string): Promise<string> {
  const request = await h.mutate(checkins('request'), { as: liming(), input: { destTenantId: 'rc', destOrgId: ids[org], idempotencyKey: key } });
  expect(request.error).toBeNull();
  expect((await h.mutate(checkins('decide'), { as: as.department('rc'), input: { checkinId: request.data.checkinId, decision: 'accept' } })).data).toEqual({ status: 'accepted' });
  return request.data.checkinId;
}

describe("tasks' copy of a check-in lives only while its grant stands", () => {
  it('a check-in accepted, then refused by roster for its grant, is never copied into tasks', async () => {
    const checkinId = await acceptedCheckin('rcMoved', 'liming-moved-1');
    // No grant, so no roster.checkin_granted; the refusal's end reaches the copies too, with nothing to remove.
    expect(await relay()).toEqual(['reporting.checkin_ended']);
    expect(await tasksCopies(checkinId)).toEqual([]);
    expect(await status(checkinId)).toBe('refused');
  });

  it('a granted check-in is copied with the directory path, and ending it removes the copy', async () => {
    const checkinId = await acceptedCheckin('rcFlow', 'liming-flow-1');
    expect(await relay()).toEqual(['roster.checkin_granted']);
    expect(await tasksCopies(checkinId)).toEqual([{ tenant_id: 'yx', dest_org_id: ids.rcFlow, dest_org_path: paths.rcFlow }]);
    expect((await h.mutate(checkins('end'), { as: liming(), input: { checkinId } })).data).toEqual({ status: 'ended' });
    expect(await relay()).toEqual(['reporting.checkin_ended', 'roster.checkin_grant_revoked']);
    expect(await tasksCopies(checkinId)).toEqual([]);
  });
});
