import type { DomainEvent } from '@tongxin/db';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { migrations } from '../migrations.ts';
import { ownerReads } from '../testing/callers.ts';
import { seedRoster } from '../testing/roster-fixture.ts';
import { applyOutsideCheckinEvent } from './apply-outside-checkin.ts';

// Issue 17, enter once: a destination outside Tongxin that confirms from its link fills the
// member's ledger destination as an accepted check-in does, and its end clears it.
let h: ServiceHarness;
let db: ReturnType<typeof ownerReads>;
let liMing: string;
const checkinId = crypto.randomUUID();
const at = new Date('2026-11-03T10:00:00+08:00');

const event = (topic: string, payload: object, tenantId = 'yx'): DomainEvent => ({ id: crypto.randomUUID(), tenantId, topic, payload, createdAt: at });
const confirmed = (memberId: string, tenantId = 'yx') => event('reporting.outside_checkin_confirmed', {
  checkinId, memberId, orgName: '深圳长江家具有限公司党支部', contactName: '陈志强', contactPhone: '13800138111', confirmedAt: at.toISOString(),
}, tenantId);
const destination = async () =>
  (await db.rows(sql`select destination_org_name, destination_org_leader, destination_org_contact, last_contact_source from roster.members where id = ${liMing}`))[0];

beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  await seedRoster(h.database);
  db = ownerReads(h.database);
  liMing = await db.memberId('李明');
});
afterAll(() => h.close());

describe('applyOutsideCheckinEvent', () => {
  it('a confirmation fills the destination organization, its leader and contact as one ledger version, once, and is a contact', async () => {
    const first = confirmed(liMing);
    expect(await applyOutsideCheckinEvent(h.database, first, at)).toBe('applied');
    expect(await applyOutsideCheckinEvent(h.database, first, at)).toBe('duplicate');
    expect(await destination()).toEqual({
      destination_org_name: '深圳长江家具有限公司党支部', destination_org_leader: '陈志强', destination_org_contact: '13800138111', last_contact_source: 'checkin',
    });
    const versions = await db.versions(liMing);
    expect(versions.map((v) => [v.action, v.actor_role])).toEqual([['checkin_accepted', 'system']]);
  });

  it('its end clears what it filled; a destination the member typed since stays', async () => {
    const ended = event('reporting.outside_checkin_ended', { checkinId, memberId: liMing, endedAt: at.toISOString() });
    expect(await applyOutsideCheckinEvent(h.database, ended, at)).toBe('applied');
    expect(await destination()).toMatchObject({ destination_org_name: null, destination_org_leader: null, destination_org_contact: null });
    // A second confirmation, then the member names another destination: the end leaves theirs.
    const other = crypto.randomUUID();
    await applyOutsideCheckinEvent(h.database, { ...confirmed(liMing), payload: { ...confirmed(liMing).payload as object, checkinId: other } }, at);
    await h.database.owner.execute(sql`update roster.members set destination_org_name = '我自己写的' where id = ${liMing}`);
    await applyOutsideCheckinEvent(h.database, event('reporting.outside_checkin_ended', { checkinId: other, memberId: liMing, endedAt: at.toISOString() }), at);
    expect((await destination())!.destination_org_name).toBe('我自己写的');
  });

  it('another county’s event names none of its members; other topics are ignored', async () => {
    const before = await db.versions(liMing);
    expect(await applyOutsideCheckinEvent(h.database, confirmed(liMing, 'rc'), at)).toBe('ignored');
    expect(await applyOutsideCheckinEvent(h.database, event('reporting.checkin_accepted', {}), at)).toBe('ignored');
    expect(await db.versions(liMing)).toEqual(before);
  });
});
