import type { DomainEvent } from '@tongxin/db';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { migrations } from '../migrations.ts';
import { callers, ownerReads } from '../testing/callers.ts';
import { seedRoster } from '../testing/roster-fixture.ts';
import { applyLostContactProposal } from './apply-lost-contact-proposal.ts';
import { chinaDate } from '@tongxin/calendar';

// 失联 proposed by reporting's escalation ladder, confirmed or dismissed by the secretary.
let h: ServiceHarness;
let ids: Record<string, string>;
let as: ReturnType<typeof callers>;
let db: ReturnType<typeof ownerReads>;
const m: Record<string, string> = {};

const trpc = (name: string) => `/api/roster/trpc/mobility.${name}`;
const periods = ['2026-08', '2026-09', '2026-10'];
const proposed = (memberId: string, tenantId = 'yx'): DomainEvent => ({
  id: crypto.randomUUID(), tenantId, topic: 'reporting.lost_contact_proposed',
  payload: { memberId, period: '2026-10', periods, contactTaskId: crypto.randomUUID() }, createdAt: new Date(),
});
const proposals = () => db.rows(sql`select member_id, source, periods, status, reason, decided_by from roster.lost_contact_proposals order by member_id`);
const proposalOf = async (name: string) =>
  (await db.rows(sql`select id from roster.lost_contact_proposals where member_id = ${m[name]} order by proposed_at desc limit 1`))[0]!.id as string;

beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  ({ ids } = await seedRoster(h.database));
  as = callers(ids);
  db = ownerReads(h.database);
  for (const name of ['李华', '李明', '曹德胜']) m[name] = await db.memberId(name);
});
afterAll(() => h.close());

describe('applyLostContactProposal', () => {
  it('a mobile member is proposed once, however often the event is delivered', async () => {
    const event = proposed(m['李华']!);
    expect(await applyLostContactProposal(h.database, event, h.clock.now)).toBe('applied');
    expect(await applyLostContactProposal(h.database, event, h.clock.now)).toBe('duplicate');
    // A later month's event while one is pending adds nothing.
    expect(await applyLostContactProposal(h.database, proposed(m['李华']!), h.clock.now)).toBe('applied');
    expect(await proposals()).toEqual([{ member_id: m['李华'], source: 'monthly_reports', periods, status: 'pending', reason: null, decided_by: null }]);
  });

  it('a member who is not mobile is not proposed; other topics are ignored', async () => {
    expect(await applyLostContactProposal(h.database, proposed(m['曹德胜']!), h.clock.now)).toBe('skipped');
    expect(await applyLostContactProposal(h.database, { ...proposed(m['李明']!), topic: 'reporting.report_submitted' }, h.clock.now)).toBe('ignored');
    expect(await proposals()).toHaveLength(1);
    expect(await applyLostContactProposal(h.database, proposed(m['李明']!), h.clock.now)).toBe('applied');
    expect(await proposals()).toHaveLength(2);
  });
});

describe('mobility.lostContactProposals', () => {
  it('a secretary sees the proposals about members in their subtree; the department sees its county', async () => {
    const matian = await h.query(trpc('lostContactProposals'), { as: as.secretaryOf('matian'), input: { status: 'pending' } });
    expect(matian.data).toEqual(expect.arrayContaining([
      {
        id: expect.any(String), memberId: m['李华'], name: '李华', branch: '涌水村流动党员党支部', periods, source: 'monthly_reports',
        lastContactAt: null, lastContactSource: null, enteredAt: expect.any(String), proposedAt: expect.any(String), status: 'pending',
      },
    ]));
    expect(matian.data).toHaveLength(2);
    expect((await h.query(trpc('lostContactProposals'), { as: as.secretaryOf('huangcao'), input: {} })).data).toEqual([]);
    expect((await h.query(trpc('lostContactProposals'), { as: as.department(), input: {} })).data).toHaveLength(2);
    expect((await h.query(trpc('lostContactProposals'), { as: as.department('rc'), input: {} })).data).toEqual([]);
  });

  it('a member is FORBIDDEN; a bad status is BAD_REQUEST', async () => {
    expect((await h.query(trpc('lostContactProposals'), { as: as.memberAs('user-liming', 'yongshuiMobile'), input: {} })).error?.code).toBe('FORBIDDEN');
    expect((await h.query(trpc('lostContactProposals'), { as: as.department(), input: { status: 'open' } })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { status: expect.any(String) } });
  });
});

describe('mobility.decideLostContact', () => {
  const unchanged = async () => {
    expect(await db.member(m['李华']!)).toMatchObject({ status: 'mobile', lost_contact_since: null, lost_contact_reason: null });
    expect((await proposals()).map((p) => p.status)).toEqual(['pending', 'pending']);
    expect(await db.versions(m['李华']!)).toEqual([]);
  };

  it('confirming without a reason, or with one outside 1–7, is BAD_REQUEST naming reason and changes nothing', async () => {
    const proposalId = await proposalOf('李华');
    for (const input of [{ proposalId, decision: 'confirm' }, { proposalId, decision: 'confirm', reason: 8 }]) {
      const result = await h.mutate(trpc('decideLostContact'), { as: as.secretaryOf('yongshuiMobile'), input });
      expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { reason: expect.any(String) } });
    }
    const bad = await h.mutate(trpc('decideLostContact'), { as: as.secretaryOf('yongshuiMobile'), input: { proposalId: 'nope', decision: 'maybe' } });
    expect(bad.error).toMatchObject({ code: 'BAD_REQUEST', fields: { proposalId: expect.any(String), decision: expect.any(String) } });
    await unchanged();
  });

  it('a member is FORBIDDEN; a secretary of another township or another county gets NOT_FOUND', async () => {
    const input = { proposalId: await proposalOf('李华'), decision: 'confirm', reason: 1 };
    expect((await h.mutate(trpc('decideLostContact'), { as: as.memberAs('user-liming', 'yongshuiMobile'), input })).error?.code).toBe('FORBIDDEN');
    expect((await h.mutate(trpc('decideLostContact'), { as: as.secretaryOf('huangcao'), input })).error?.code).toBe('NOT_FOUND');
    expect((await h.mutate(trpc('decideLostContact'), { as: as.department('rc'), input })).error?.code).toBe('NOT_FOUND');
    await unchanged();
  });

  it('the branch secretary confirms: the member is lost contact with the reason, without 3 failed attempts, once', async () => {
    const proposalId = await proposalOf('李华');
    const first = await h.mutate(trpc('decideLostContact'), { as: as.secretaryOf('yongshuiMobile'), input: { proposalId, decision: 'confirm', reason: 1 } });
    const retry = await h.mutate(trpc('decideLostContact'), { as: as.secretaryOf('matian'), input: { proposalId, decision: 'confirm', reason: 1 } });
    expect(first.data).toEqual({ status: 'confirmed' });
    expect(retry.data).toEqual({ status: 'confirmed' });
    expect(await db.member(m['李华']!)).toMatchObject({ status: 'lost_contact', lost_contact_since: chinaDate(h.clock.now), lost_contact_reason: 1 });
    const versions = await db.versions(m['李华']!);
    expect(versions.map((v) => [v.action, v.actor_role])).toEqual([['lost_contact', 'secretary']]);
    expect(versions[0].changes).toContainEqual({ field: 'status', from: 'mobile', to: 'lost_contact' });
    // reporting's copy learns the status, so the ladder stops chasing the member.
    expect(await db.rows(sql`select payload->>'status' as status from roster.outbox where topic = 'roster.member_updated' and payload->>'memberId' = ${m['李华']}`)).toEqual([{ status: 'lost_contact' }]);
    expect((await proposals()).find((p) => p.member_id === m['李华'])).toMatchObject({ status: 'confirmed', reason: 1, decided_by: 'sec-yongshuiMobile' });
    expect((await h.mutate(trpc('decideLostContact'), { as: as.department(), input: { proposalId, decision: 'dismiss' } })).error).toMatchObject({
      code: 'BAD_REQUEST', fields: { proposalId: 'already_decided' }, problems: { proposalId: { params: { status: 'confirmed' } } },
    });
    // Already lost contact: the ladder's next proposal is not taken up.
    expect(await applyLostContactProposal(h.database, proposed(m['李华']!), h.clock.now)).toBe('skipped');
  });

  it('the department dismisses: the proposal closes and the member stays mobile', async () => {
    const proposalId = await proposalOf('李明');
    const result = await h.mutate(trpc('decideLostContact'), { as: as.department(), input: { proposalId, decision: 'dismiss', note: '已电话联系上' } });
    expect(result.data).toEqual({ status: 'dismissed' });
    expect(await db.member(m['李明']!)).toMatchObject({ status: 'mobile', lost_contact_reason: null });
    expect(await db.versions(m['李明']!)).toEqual([]);
    expect(await db.rows(sql`select status, reason, decided_by, note from roster.lost_contact_proposals where id = ${proposalId}`)).toEqual([
      { status: 'dismissed', reason: null, decided_by: 'dep-yx', note: '已电话联系上' },
    ]);
    // A dismissed proposal leaves room for the ladder's next one.
    expect(await applyLostContactProposal(h.database, proposed(m['李明']!), h.clock.now)).toBe('applied');
    expect((await h.query(trpc('lostContactProposals'), { as: as.secretaryOf('yongshuiMobile'), input: { status: 'pending' } })).data.map((p: { name: string }) => p.name)).toEqual(['李明']);
  });
});
