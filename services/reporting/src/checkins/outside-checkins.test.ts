import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RoleGrant } from '@tongxin/auth';
import { relayOutbox, type DomainEvent } from '@tongxin/db';
import { TOPICS } from '@tongxin/events';
import { developmentChannel, readMessageLog } from '@tongxin/sms/development';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { applyRosterEventToReporting } from '../members/apply-roster-event.ts';
import { applySeatsToReporting } from '../members/apply-seats-event.ts';
import { migrations } from '../migrations.ts';
import { members, orgDirectory, outbox } from '../schema.ts';
import { applyCheckinDecision } from './notify-checkin-decision.ts';

// 永兴县 'yx': 李明 and 李华 work in 深圳 at companies whose party branches are not on Tongxin
// (issue 17); 汝城县 'rc' has a flow branch on Tongxin.
let h: ServiceHarness;
let logDir: string;
let logFile: string;
const id = () => crypto.randomUUID();
const o = { yxDepartment: id(), matian: id(), yongshuiMobile: id(), yongshui: id(), huangcao: id(), longtan: id(), rcDepartment: id(), rcFlow: id() };
const path = (...keys: (keyof typeof o)[]) => `/${keys.map((k) => o[k]).join('/')}/`;
const paths = {
  matian: path('yxDepartment', 'matian'),
  yongshuiMobile: path('yxDepartment', 'matian', 'yongshuiMobile'),
  yongshui: path('yxDepartment', 'matian', 'yongshui'),
  longtan: path('yxDepartment', 'huangcao', 'longtan'),
  rcFlow: path('rcDepartment', 'rcFlow'),
};
const memberIds = { liming: id(), lihua: id(), huang: id() };
const certificateId = id();

const member = (userId: string, org: keyof typeof o = 'yongshuiMobile', tenantId = 'yx') => ({ tenantId, userId, roles: [{ role: 'member', orgId: o[org] }] as RoleGrant[] });
const secretaryOf = (org: keyof typeof o, tenantId = 'yx') => ({ tenantId, userId: `sec-${org}`, name: '书记', roles: [{ role: 'secretary', orgId: o[org] }] as RoleGrant[] });
const department = (tenantId = 'yx') => ({ tenantId, userId: `dep-${tenantId}`, roles: [{ role: 'department' }] as RoleGrant[] });
const trpc = (name: string) => `/api/reporting/trpc/${name}`;

const changjiang = (key: string, extra: Record<string, unknown> = {}) => ({
  orgName: '深圳长江家具有限公司党支部', city: '深圳', contactName: '陈志强', contactPhone: '13800138111', attachCertificate: false, idempotencyKey: key, ...extra,
});
const rows = async (query: ReturnType<typeof sql>) => (await h.database.owner.execute(query)).rows as Record<string, any>[];
const countOf = async (query: ReturnType<typeof sql>) => Number((await rows(query))[0]!.n);
const outboxTopics = async () => (await rows(sql`select topic from reporting.outbox order by created_at`)).map((r) => r.topic as string);

/** The token the contact received, read from the development channel's message log as a person reads the SMS. */
async function tokenSentTo(phone: string): Promise<{ tenantId: string; token: string; text: string }> {
  const logged = await readMessageLog(logFile, { phone, kind: 'checkin_confirmation' });
  if (!logged) throw new Error(`no link sent to ${phone}`);
  const url = new URL(logged.params.link!);
  return { tenantId: url.searchParams.get('t')!, token: url.searchParams.get('token')!, text: logged.text };
}
const linesSent = async () => {
  const { readFile } = await import('node:fs/promises');
  return (await readFile(logFile, 'utf8').catch(() => '')).split('\n').filter(Boolean).length;
};

async function relay(event: DomainEvent, consumer: (db: typeof h.database, e: DomainEvent) => Promise<unknown>) {
  await consumer(h.database, event);
}

beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  logDir = mkdtempSync(join(tmpdir(), 'outside-checkins-'));
  logFile = join(logDir, 'messages.log');
  h.deps.messages = { masterKey: '', development: developmentChannel(logFile) };
  h.deps.publicUrl = 'https://tongxin.example';
  await h.database.owner.insert(members).values([
    { tenantId: 'yx', memberId: memberIds.liming, userId: 'user-liming', name: '李明', branchId: o.yongshuiMobile, orgPath: paths.yongshuiMobile, status: 'mobile' },
    { tenantId: 'yx', memberId: memberIds.lihua, userId: 'user-lihua', name: '李华', branchId: o.yongshui, orgPath: paths.yongshui, status: 'mobile' },
    { tenantId: 'yx', memberId: memberIds.huang, userId: 'user-huang', name: '黄文杰', branchId: o.longtan, orgPath: paths.longtan, status: 'mobile' },
  ]);
  await h.database.owner.insert(orgDirectory).values([
    { tenantId: 'yx', orgId: o.matian, name: '马田镇党委', path: paths.matian },
    { tenantId: 'yx', orgId: o.yongshuiMobile, name: '涌水村流动党员党支部', path: paths.yongshuiMobile },
    { tenantId: 'yx', orgId: o.yongshui, name: '涌水村党支部', path: paths.yongshui },
    { tenantId: 'rc', orgId: o.rcFlow, name: '汝城县驻广州流动党员党支部', path: paths.rcFlow },
  ]);
});
afterAll(async () => {
  await h.close();
  rmSync(logDir, { recursive: true, force: true });
});

let limingCheckin: string;

describe('a member names a destination outside Tongxin', () => {
  it('a request is stored once and its link sent once, however often it is retried, with no ledger field granted', async () => {
    const first = await h.mutate(trpc('checkins.requestOutside'), { as: member('user-liming'), input: changjiang('liming-out-1') });
    const retry = await h.mutate(trpc('checkins.requestOutside'), { as: member('user-liming'), input: changjiang('liming-out-1') });
    expect(first.error).toBeNull();
    expect(retry.data).toEqual(first.data);
    limingCheckin = first.data.checkinId;
    expect(await countOf(sql`select count(*) as n from reporting.checkins`)).toBe(1);
    expect(await countOf(sql`select count(*) as n from reporting.checkin_links`)).toBe(1);
    expect(await linesSent()).toBe(1);
    const sent = await tokenSentTo('13800138111');
    expect(sent.tenantId).toBe('yx');
    expect(sent.text).toContain('李明');
    expect(sent.text).toContain('https://tongxin.example/checkin-answer?t=yx&token=');
    // Only the hash is kept.
    const [link] = await rows(sql`select token_hash from reporting.checkin_links`);
    expect(link!.token_hash).not.toContain(sent.token);
    const mine = await h.query(trpc('checkins.mine'), { as: member('user-liming') });
    expect(mine.data).toEqual([expect.objectContaining({
      id: limingCheckin, status: 'pending', outside: true, destTenantId: null, destOrgName: '深圳长江家具有限公司党支部', outsideCity: '深圳',
      outsideContactName: '陈志强', grantFields: [], certificate: null, linkExpiresAt: expect.any(String),
    })]);
  });

  it('no check-in outside Tongxin can hold a grant, whatever writes it', async () => {
    await expect(h.database.owner.execute(sql`update reporting.checkins set grant_fields = '{employer}' where id = ${limingCheckin}`)).rejects.toThrow();
  });

  it('a bad phone is BAD_REQUEST naming contactPhone, and nothing is stored or sent', async () => {
    const bad = await h.mutate(trpc('checkins.requestOutside'), { as: member('user-lihua', 'yongshui'), input: changjiang('lihua-bad', { contactPhone: '0755-1234' }) });
    expect(bad.error).toMatchObject({ code: 'BAD_REQUEST', fields: { contactPhone: 'invalid_mobile' } });
    expect(await countOf(sql`select count(*) as n from reporting.checkins`)).toBe(1);
    expect(await linesSent()).toBe(1);
  });

  it('a secretary or the department cannot request one (a member procedure)', async () => {
    for (const as of [secretaryOf('yongshuiMobile'), department()]) {
      const refused = await h.mutate(trpc('checkins.requestOutside'), { as, input: changjiang(`staff-${as.userId}`) });
      expect(refused.error).toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('attaching a certificate the member does not hold is BAD_REQUEST naming attachCertificate', async () => {
    const refused = await h.mutate(trpc('checkins.requestOutside'), { as: member('user-lihua', 'yongshui'), input: changjiang('lihua-cert', { attachCertificate: true, contactPhone: '13800138222' }) });
    expect(refused.error).toMatchObject({ code: 'BAD_REQUEST', fields: { attachCertificate: 'no_valid_certificate' } });
  });
});

describe('the contact opens the single-use link without an account', () => {
  it('sees which organization is asked, the member\'s name, home branch, message and certificate validity, and nothing else', async () => {
    const { tenantId, token } = await tokenSentTo('13800138111');
    const opened = await h.query(trpc('checkinLinks.open'), { input: { tenantId, token }, peer: '203.0.113.5' });
    expect(opened.error).toBeNull();
    expect(Object.keys(opened.data).sort()).toEqual(['certificate', 'expiresAt', 'homeBranch', 'memberName', 'note', 'organization']);
    expect(opened.data).toMatchObject({ organization: '深圳长江家具有限公司党支部', memberName: '李明', homeBranch: '涌水村流动党员党支部', certificate: null });
  });

  it('a decline needs one of the brief\'s reasons: BAD_REQUEST declineCode, and the link still works', async () => {
    const { tenantId, token } = await tokenSentTo('13800138111');
    const refused = await h.mutate(trpc('checkinLinks.answer'), { input: { tenantId, token, answer: 'decline' }, peer: '203.0.113.5' });
    expect(refused.error).toMatchObject({ code: 'BAD_REQUEST', fields: { declineCode: 'required' } });
    expect((await h.query(trpc('checkinLinks.open'), { input: { tenantId, token } })).error).toBeNull();
  });

  it('confirms once: the check-in is accepted with no grant event, and the link used twice is a clear error', async () => {
    const { tenantId, token } = await tokenSentTo('13800138111');
    const confirmed = await h.mutate(trpc('checkinLinks.answer'), { input: { tenantId, token, answer: 'confirm' }, peer: '203.0.113.5' });
    expect(confirmed.data).toEqual({ status: 'accepted' });
    const again = await h.mutate(trpc('checkinLinks.answer'), { input: { tenantId, token, answer: 'decline', declineCode: 'identity_unverifiable' }, peer: '203.0.113.5' });
    expect(again.error).toMatchObject({ code: 'CONFLICT', reason: 'checkin_link_used', params: { answer: 'confirmed' } });
    const reopened = await h.query(trpc('checkinLinks.open'), { input: { tenantId, token } });
    expect(reopened.error).toMatchObject({ reason: 'checkin_link_used' });
    const topics = await outboxTopics();
    expect(topics).toContain(TOPICS.reporting.checkinDecided);
    expect(topics).not.toContain(TOPICS.reporting.checkinAccepted);
    // For the member's own ledger only (roster fills the destination from it): what the member named.
    const [confirmedEvent] = await rows(sql`select tenant_id, payload from reporting.outbox where topic = ${TOPICS.reporting.outsideCheckinConfirmed}`);
    expect(confirmedEvent).toEqual({ tenant_id: 'yx', payload: {
      checkinId: limingCheckin, memberId: expect.any(String), orgName: '深圳长江家具有限公司党支部', contactName: expect.any(String), contactPhone: '13800138111', confirmedAt: expect.any(String),
    } });
  });

  it('the member and the home branch see it confirmed, and the member\'s inbox says so', async () => {
    const mine = await h.query(trpc('checkins.mine'), { as: member('user-liming') });
    expect(mine.data[0]).toMatchObject({ id: limingCheckin, status: 'accepted', outside: true, linkExpiresAt: null });
    const home = await h.query(trpc('checkins.forHome'), { as: secretaryOf('yongshuiMobile') });
    expect(home.data).toEqual([expect.objectContaining({ id: limingCheckin, status: 'accepted', memberName: '李明', outsideContactPhone: '13800138111' })]);
    await relayOutbox(h.database, outbox, async (event) => void (await applyCheckinDecision(h.database, event)));
    const inbox = await h.query(trpc('notifications.mine'), { as: member('user-liming') });
    expect(JSON.stringify(inbox.data)).toContain('checkin_accepted');
  });

  it('no county sees it in a destination inbox', async () => {
    for (const as of [secretaryOf('rcFlow', 'rc'), department('rc'), department()]) {
      const inbox = await h.query(trpc('checkins.inbox'), { as });
      expect(inbox.data.map((c: { id: string }) => c.id)).not.toContain(limingCheckin);
    }
  });
});

describe('a link expires, is replaced, belongs to one check-in, and resists guessing', () => {
  let lihuaCheckin: string;

  it('an expired link is a clear error and changes nothing', async () => {
    const asked = await h.mutate(trpc('checkins.requestOutside'), { as: member('user-lihua', 'yongshui'), input: changjiang('lihua-out', { contactPhone: '13800138222' }) });
    lihuaCheckin = asked.data.checkinId;
    const { tenantId, token } = await tokenSentTo('13800138222');
    const start = h.clock.now;
    h.clock.now = new Date(start.getTime() + 15 * 24 * 3600_000);
    try {
      const late = await h.mutate(trpc('checkinLinks.answer'), { input: { tenantId, token, answer: 'confirm' } });
      expect(late.error).toMatchObject({ code: 'NOT_FOUND', reason: 'checkin_link_expired' });
    } finally {
      h.clock.now = start;
    }
    expect((await rows(sql`select status from reporting.checkins where id = ${lihuaCheckin}`))[0]!.status).toBe('pending');
  });

  it('the home secretary resends: a new link, the old one dead; at most one a minute; a retried resend sends nothing', async () => {
    const old = await tokenSentTo('13800138222');
    const sentBefore = await linesSent();
    h.clock.now = new Date(h.clock.now.getTime() + 2 * 60_000);
    const resent = await h.mutate(trpc('checkins.resendLink'), { as: secretaryOf('yongshui'), input: { checkinId: lihuaCheckin, idempotencyKey: 'resend-1' } });
    expect(resent.error).toBeNull();
    const retried = await h.mutate(trpc('checkins.resendLink'), { as: secretaryOf('yongshui'), input: { checkinId: lihuaCheckin, idempotencyKey: 'resend-1' } });
    expect(retried.error).toBeNull();
    expect(await linesSent()).toBe(sentBefore + 1);
    const fresh = await tokenSentTo('13800138222');
    expect(fresh.token).not.toBe(old.token);
    const dead = await h.query(trpc('checkinLinks.open'), { input: { tenantId: 'yx', token: old.token } });
    expect(dead.error).toMatchObject({ reason: 'checkin_link_revoked' });
    const soon = await h.mutate(trpc('checkins.resendLink'), { as: department(), input: { checkinId: lihuaCheckin, idempotencyKey: 'resend-2' } });
    expect(soon.error).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'checkin_link_sent_recently' });
  });

  it('a member, another branch\'s secretary and another county cannot resend', async () => {
    const asMember = await h.mutate(trpc('checkins.resendLink'), { as: member('user-lihua', 'yongshui'), input: { checkinId: lihuaCheckin, idempotencyKey: 'resend-m' } });
    expect(asMember.error).toMatchObject({ code: 'FORBIDDEN' });
    for (const as of [secretaryOf('longtan'), secretaryOf('rcFlow', 'rc'), department('rc')]) {
      const refused = await h.mutate(trpc('checkins.resendLink'), { as, input: { checkinId: lihuaCheckin, idempotencyKey: `resend-${as.userId}` } });
      expect(refused.error).toMatchObject({ code: 'NOT_FOUND' });
    }
    expect(await countOf(sql`select count(*) as n from reporting.checkin_links where checkin_id = ${lihuaCheckin}`)).toBe(2);
  });

  it('a link answers only its own check-in, and only in its own county', async () => {
    const { token } = await tokenSentTo('13800138222');
    const elsewhere = await h.query(trpc('checkinLinks.open'), { input: { tenantId: 'rc', token } });
    expect(elsewhere.error).toMatchObject({ code: 'NOT_FOUND', reason: 'checkin_link_not_found' });
    const declined = await h.mutate(trpc('checkinLinks.answer'), {
      input: { tenantId: 'yx', token, answer: 'decline', declineCode: 'wrong_organization', rightOrg: '深圳长江家具有限公司第二党支部' },
    });
    expect(declined.data).toEqual({ status: 'refused' });
    const [lihua] = await rows(sql`select status, decline_code, reason from reporting.checkins where id = ${lihuaCheckin}`);
    expect(lihua).toEqual({ status: 'refused', decline_code: 'wrong_organization', reason: '深圳长江家具有限公司第二党支部' });
    const [liming] = await rows(sql`select status, decline_code from reporting.checkins where id = ${limingCheckin}`);
    expect(liming).toEqual({ status: 'accepted', decline_code: null });
    const home = await h.query(trpc('checkins.forHome'), { as: secretaryOf('yongshui') });
    expect(home.data[0]).toMatchObject({ id: lihuaCheckin, status: 'refused', declineCode: 'wrong_organization' });
  });

  it('withdrawing kills the link and records no ending event', async () => {
    const asked = await h.mutate(trpc('checkins.requestOutside'), { as: member('user-huang', 'longtan'), input: changjiang('huang-out', { contactPhone: '13800138333' }) });
    const { token } = await tokenSentTo('13800138333');
    await h.mutate(trpc('checkins.end'), { as: member('user-huang', 'longtan'), input: { checkinId: asked.data.checkinId } });
    const opened = await h.query(trpc('checkinLinks.open'), { input: { tenantId: 'yx', token } });
    expect(opened.error).toMatchObject({ reason: 'checkin_link_revoked' });
    expect(await outboxTopics()).not.toContain(TOPICS.reporting.checkinEnded);
  });

  it('unknown tokens from one address lock that address out, even for a good link; another address is not locked', async () => {
    const { token } = await tokenSentTo('13800138333');
    for (let i = 0; i < 21; i++) {
      const guess = await h.query(trpc('checkinLinks.open'), { input: { tenantId: 'yx', token: `guess${i}aaaaaaaaaaaaaaaaaaaaaaaaa` }, peer: '198.51.100.7' });
      expect(guess.error).toMatchObject({ reason: 'checkin_link_not_found' });
    }
    const locked = await h.query(trpc('checkinLinks.open'), { input: { tenantId: 'yx', token }, peer: '198.51.100.7' });
    expect(locked.error).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'too_many_attempts' });
    const other = await h.query(trpc('checkinLinks.open'), { input: { tenantId: 'yx', token }, peer: '198.51.100.8' });
    expect(other.error).toMatchObject({ reason: 'checkin_link_revoked' });
    // A made-up county takes no throttle rows.
    await h.query(trpc('checkinLinks.open'), { input: { tenantId: 'nowhere', token }, peer: '198.51.100.9' });
    expect(await countOf(sql`select count(*) as n from reporting.throttles where tenant_id = 'nowhere'`)).toBe(0);
  });
});

describe('a destination on Tongxin deciding a check-in sees the home secretary\'s contact and the certificate\'s validity', () => {
  const seatEvent = (userId: string, orgIds: string[], contact: { name: string; phone: string | null }): DomainEvent =>
    ({ id: id(), tenantId: 'yx', topic: TOPICS.identity.seatsChanged, payload: { userId, orgIds, ...contact }, createdAt: new Date() }) as DomainEvent;
  const certificateEvent = (status: string): DomainEvent =>
    ({ id: id(), tenantId: 'yx', topic: TOPICS.roster.certificateChanged, createdAt: new Date(),
      payload: { certificateId, memberId: memberIds.huang, number: '永兴〔2026〕第7号', validUntil: '2027-03-31', status, at: new Date().toISOString() } }) as DomainEvent;

  it('the inbox names the home branch secretary with their phone and the attached certificate as valid', async () => {
    await relay(seatEvent('sec-longtan-user', [o.longtan], { name: '刘书记', phone: '13900001111' }), applySeatsToReporting);
    await h.database.owner.insert(orgDirectory).values({ tenantId: 'yx', orgId: o.longtan, name: '龙潭村党支部', path: paths.longtan });
    await relay(certificateEvent('valid'), applyRosterEventToReporting);
    const asked = await h.mutate(trpc('checkins.request'), {
      as: member('user-huang', 'longtan'), input: { destTenantId: 'rc', destOrgId: o.rcFlow, attachCertificate: true, idempotencyKey: 'huang-rc' },
    });
    expect(asked.error).toBeNull();
    const inbox = await h.query(trpc('checkins.inbox'), { as: secretaryOf('rcFlow', 'rc') });
    expect(inbox.data).toEqual([expect.objectContaining({
      memberName: '黄文杰', homeBranch: '龙潭村党支部', homeContacts: [{ name: '刘书记', phone: '13900001111' }],
      certificate: { number: '永兴〔2026〕第7号', validUntil: '2027-03-31', state: 'valid' },
    })]);
  });

  it('a new secretary and a revoked certificate reach the open check-in', async () => {
    await relay(seatEvent('sec-longtan-user', [], { name: '刘书记', phone: '13900001111' }), applySeatsToReporting);
    await relay(seatEvent('sec-longtan-new', [o.longtan], { name: '王书记', phone: '13900002222' }), applySeatsToReporting);
    await relay(certificateEvent('revoked'), applyRosterEventToReporting);
    const inbox = await h.query(trpc('checkins.inbox'), { as: department('rc') });
    expect(inbox.data[0]).toMatchObject({ homeContacts: [{ name: '王书记', phone: '13900002222' }], certificate: { state: 'revoked' } });
  });

  it('the member\'s county and a member see no destination inbox of it', async () => {
    const home = await h.query(trpc('checkins.inbox'), { as: secretaryOf('longtan') });
    expect(home.data).toEqual([]);
    const asMember = await h.query(trpc('checkins.inbox'), { as: member('user-huang', 'longtan') });
    expect(asMember.error).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('ending a confirmed one records outside_checkin_ended for the ledger, and still no checkin_ended', async () => {
    const ended = await h.mutate(trpc('checkins.end'), { as: member('user-liming'), input: { checkinId: limingCheckin } });
    expect(ended.data).toEqual({ status: 'ended' });
    const [event] = await rows(sql`select payload from reporting.outbox where topic = ${TOPICS.reporting.outsideCheckinEnded}`);
    expect(event!.payload).toEqual({ checkinId: limingCheckin, memberId: expect.any(String), endedAt: expect.any(String) });
    expect(await outboxTopics()).not.toContain(TOPICS.reporting.checkinEnded);
  });
});
