import { relayOutbox, type DomainEvent } from '@tongxin/db';
import { migrations as reportingMigrations, reportingSchema } from '@tongxin/reporting';
import { app as reportingApp } from '@tongxin/reporting/app';
import type { ServiceBindings } from '@tongxin/trpc';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app as rosterApp } from '../app.ts';
import { migrations } from '../migrations.ts';
import { orgDirectory, orgs } from '../schema.ts';
import { callers, ownerReads } from '../testing/callers.ts';
import { seedRoster } from '../testing/roster-fixture.ts';
import { applyCheckinEvent } from './apply-checkin-event.ts';

// Review of e38c750 (enter once): roster's check-in consumer writes the ledger's destination
// with versions keyed `checkin:<id>:accepted` / `:ended`, in member_versions, whose key is
// unique in the county and shared with the keys people send. A home secretary sees the
// check-in's id (checkins.forHome) and may send any key on a change to another member in
// scope: were that key taken first, the consumer's change would fail on every delivery
// (`idempotency_key_reused`) and the relay would stop there, with the grant never written.
let h: ServiceHarness;
let ids: Record<string, string>;
let paths: Record<string, string>;
let as: ReturnType<typeof callers>;
let db: ReturnType<typeof ownerReads>;
let liMing: string;
let liHua: string;
let checkinId: string;

const liming = () => as.memberAs('user-liming', 'yongshuiMobile');
const checkins = (name: string) => `/api/reporting/trpc/checkins.${name}`;
const home = () => as.secretaryOf('yongshuiMobile');

/** Relays reporting's outbox to roster's consumer; each result, or the error that stopped it. */
async function relay(): Promise<{ results: string[]; error: unknown }> {
  const results: string[] = [];
  try {
    await relayOutbox(h.database, reportingSchema.outbox, async (event: DomainEvent) => {
      const result = await applyCheckinEvent(h.database, event, h.clock.now);
      if (result !== 'ignored') results.push(`${event.topic}:${result}`);
    });
    return { results, error: null };
  } catch (error) {
    return { results, error };
  }
}
const destination = async () =>
  (await db.rows(sql`select destination_org_name, destination_org_leader from roster.members where id = ${liMing}`))[0];

beforeAll(async () => {
  const both = new Hono<{ Bindings: ServiceBindings }>().route('/', rosterApp).route('/', reportingApp);
  h = await createServiceHarness(both, [migrations, reportingMigrations]);
  ({ ids, paths } = await seedRoster(h.database));
  ids.rcFlow = crypto.randomUUID();
  paths.rcFlow = `${paths.rcDepartment}${ids.rcFlow}/`;
  const name = '汝城县驻广州流动党员党支部';
  await h.database.owner.insert(orgs).values({ tenantId: 'rc', id: ids.rcFlow, parentId: ids.rcDepartment, kind: 'flow_branch', name, city: '广州', province: '广东', path: paths.rcFlow });
  await h.database.owner.insert(orgDirectory).values({ tenantId: 'rc', orgId: ids.rcFlow, kind: 'flow_branch', name, province: '广东', city: '广州', path: paths.rcFlow });
  await h.database.owner.insert(reportingSchema.orgDirectory).values({ tenantId: 'rc', orgId: ids.rcFlow, name, path: paths.rcFlow });
  as = callers(ids);
  db = ownerReads(h.database);
  liMing = await db.memberId('李明');
  liHua = await db.memberId('李华');
  await h.database.owner.insert(reportingSchema.members).values({ tenantId: 'yx', memberId: liMing, userId: 'user-liming', name: '李明', branchId: ids.yongshuiMobile!, orgPath: paths.yongshuiMobile!, status: 'mobile' });
  const request = await h.mutate(checkins('request'), { as: liming(), input: { destTenantId: 'rc', destOrgId: ids.rcFlow, idempotencyKey: 'liming-fill-keys-1' } });
  expect(request.error).toBeNull();
  checkinId = request.data.checkinId;
});
afterAll(() => h.close());

describe("a person's key never takes the key roster's check-in consumer writes with", () => {
  it('the home secretary sees the check-in id, but cannot key a change to another member with a consumer\'s key', async () => {
    const seen = await h.query(checkins('forHome'), { as: home(), input: {} });
    expect(seen.data.map((c: { id: string }) => c.id)).toContain(checkinId);
    for (const key of [`checkin:${checkinId}:accepted`, `checkin:${checkinId}:ended`, `report:${crypto.randomUUID()}`, `transferred-out-${crypto.randomUUID()}`]) {
      const taken = await h.mutate('/api/roster/trpc/ledger.correct', {
        as: home(), input: { memberId: liHua, ledger: { employer: '东莞某厂' }, idempotencyKey: key },
      });
      expect(taken.error?.code).toBe('CONFLICT');
    }
    // Nor the member on their own record (the acceptance would then fill nothing).
    const own = await h.mutate('/api/roster/trpc/ledger.updateMine', {
      as: liming(), input: { ledger: { destinationOrgName: '我自己写的' }, idempotencyKey: `checkin:${checkinId}:accepted` },
    });
    expect(own.error?.code).toBe('CONFLICT');
    expect((await db.versions(liHua)).filter((v: { action: string }) => v.action === 'correction')).toEqual([]);
  });

  it('so the acceptance is applied: the grant is written and the ledger names the destination', async () => {
    const accepted = await h.mutate(checkins('decide'), { as: { ...as.secretaryOf('rcFlow', 'rc'), name: '陈建华' }, input: { checkinId, decision: 'accept' } });
    expect(accepted.error).toBeNull();
    const { results, error } = await relay();
    expect(error).toBeNull();
    expect(results).toEqual(['reporting.checkin_accepted:applied']);
    expect(await db.rows(sql`select 1 from roster.ledger_grants where checkin_id = ${checkinId}`)).toHaveLength(1);
    expect(await destination()).toEqual({ destination_org_name: '汝城县驻广州流动党员党支部', destination_org_leader: '陈建华' });
  });

  it('and the end is applied: the grant revoked and what the acceptance filled cleared', async () => {
    expect((await h.mutate(checkins('end'), { as: liming(), input: { checkinId, reason: '回乡' } })).error).toBeNull();
    const { results, error } = await relay();
    expect(error).toBeNull();
    expect(results).toEqual(['reporting.checkin_ended:applied']);
    expect(await destination()).toEqual({ destination_org_name: null, destination_org_leader: null });
  });
});

// Review of e38c750: ending undoes what the acceptance filled, never what the member typed.
// The end may come from the destination county (end_checkin_as_destination), so clearing the
// member's own words would be another county removing them from this county's ledger.
describe('ending clears only what the acceptance filled', () => {
  it('the member had typed the destination before it was accepted: the acceptance fills no name, and the end leaves the member\'s', async () => {
    const typed = await h.mutate('/api/roster/trpc/ledger.updateMine', {
      as: liming(), input: { ledger: { destinationOrgName: '汝城县驻广州流动党员党支部', destinationOrgLeader: '陈建华' }, idempotencyKey: 'liming-typed-before' },
    });
    expect(typed.error).toBeNull();
    const request = await h.mutate(checkins('request'), { as: liming(), input: { destTenantId: 'rc', destOrgId: ids.rcFlow, idempotencyKey: 'liming-fill-keys-2' } });
    expect(request.error).toBeNull();
    const second = request.data.checkinId as string;
    expect((await h.mutate(checkins('decide'), { as: { ...as.secretaryOf('rcFlow', 'rc'), name: '陈建华' }, input: { checkinId: second, decision: 'accept' } })).error).toBeNull();
    expect((await relay()).results).toEqual(['reporting.checkin_accepted:applied']);
    // Nothing to fill: the ledger already said so, in the member's words.
    expect((await db.versions(liMing)).filter((v: { action: string }) => v.action === 'checkin_accepted')).toHaveLength(1);

    // The destination ends it.
    expect((await h.mutate(checkins('end'), { as: as.secretaryOf('rcFlow', 'rc'), input: { checkinId: second, reason: '已离开广州' } })).error).toBeNull();
    expect((await relay()).results).toEqual(['reporting.checkin_ended:applied']);
    expect(await destination()).toEqual({ destination_org_name: '汝城县驻广州流动党员党支部', destination_org_leader: '陈建华' });
    expect((await db.versions(liMing)).filter((v: { action: string }) => v.action === 'checkin_ended')).toHaveLength(1);
  });
});
