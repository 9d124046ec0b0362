import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RoleGrant } from '@tongxin/auth';
import { developmentChannel } from '@tongxin/sms/development';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { migrations } from '../migrations.ts';
import { members, orgDirectory } from '../schema.ts';
import { MEMBER_LINKS_PER_DAY } from './request-outside-checkin.ts';

// The outside destination's link goes by SMS to a phone the member types, with words the
// member types: a member must not be able to use the county's channel to text any number
// without end (request, withdraw, request again, ...).
let h: ServiceHarness;
let logDir: string;
let logFile: string;
const id = () => crypto.randomUUID();
const o = { yx: id(), branch: id() };
const memberId = id();
const liming = { tenantId: 'yx', userId: 'user-liming', roles: [{ role: 'member', orgId: o.branch }] as RoleGrant[] };
const secretary = { tenantId: 'yx', userId: 'sec-branch', roles: [{ role: 'secretary', orgId: o.branch }] as RoleGrant[] };
const trpc = (name: string) => `/api/reporting/trpc/${name}`;
const request = (key: string) => ({
  orgName: '深圳长江家具有限公司党支部', city: '深圳', contactName: '陈志强', contactPhone: '13800138111', attachCertificate: false, idempotencyKey: key,
});
const linesSent = async () => (await readFile(logFile, 'utf8').catch(() => '')).split('\n').filter(Boolean).length;

beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  logDir = mkdtempSync(join(tmpdir(), 'outside-abuse-'));
  logFile = join(logDir, 'messages.log');
  h.deps.messages = { masterKey: '', development: developmentChannel(logFile) };
  const path = `/${o.yx}/${o.branch}/`;
  await h.database.owner.insert(members).values({ tenantId: 'yx', memberId, userId: liming.userId, name: '李明', branchId: o.branch, orgPath: path, status: 'mobile' });
  await h.database.owner.insert(orgDirectory).values({ tenantId: 'yx', orgId: o.branch, name: '涌水村流动党员党支部', path });
});
afterAll(async () => {
  await h.close();
  rmSync(logDir, { recursive: true, force: true });
});

describe('a member cannot turn the outside check-in into an SMS pump', () => {
  it(`requests and withdrawals send at most ${MEMBER_LINKS_PER_DAY} links a day; the next request is TOO_MANY_REQUESTS and sends nothing`, async () => {
    for (let i = 0; i < MEMBER_LINKS_PER_DAY; i++) {
      const asked = await h.mutate(trpc('checkins.requestOutside'), { as: liming, input: request(`pump-${i}-key`) });
      expect(asked.error).toBeNull();
      const withdrawn = await h.mutate(trpc('checkins.end'), { as: liming, input: { checkinId: asked.data.checkinId } });
      expect(withdrawn.error).toBeNull();
    }
    expect(await linesSent()).toBe(MEMBER_LINKS_PER_DAY);
    const over = await h.mutate(trpc('checkins.requestOutside'), { as: liming, input: request('pump-over-key') });
    expect(over.error).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'checkin_links_daily_limit' });
    expect(await linesSent()).toBe(MEMBER_LINKS_PER_DAY);
    const stored = await h.database.owner.execute(sql`select count(*)::int as n from reporting.checkins where idempotency_key = 'pump-over-key'`);
    expect((stored.rows[0] as { n: number }).n).toBe(0);
  });

  it('a retry of an earlier request still answers it; the home secretary may still resend; the next day the member may ask again', async () => {
    const retried = await h.mutate(trpc('checkins.requestOutside'), { as: liming, input: request('pump-0-key') });
    expect(retried.error).toBeNull();
    h.clock.now = new Date(h.clock.now.getTime() + 24 * 3600_000 + 60_000);
    const asked = await h.mutate(trpc('checkins.requestOutside'), { as: liming, input: request('pump-next-day') });
    expect(asked.error).toBeNull();
    h.clock.now = new Date(h.clock.now.getTime() + 2 * 60_000);
    const resent = await h.mutate(trpc('checkins.resendLink'), { as: secretary, input: { checkinId: asked.data.checkinId, idempotencyKey: 'resend-after-pump' } });
    expect(resent.error).toBeNull();
    expect(await linesSent()).toBe(MEMBER_LINKS_PER_DAY + 2);
  });
});

describe('the words a member types into the link’s SMS', () => {
  it('a web address in the organization, the city or the contact’s name is BAD_REQUEST no_links, and nothing is sent', async () => {
    const before = await linesSent();
    for (const [field, value] of [['orgName', '点击 http://pay.example.com 领奖'], ['orgName', 'www.example.cn 党支部'], ['city', 'evil.top'], ['contactName', 'a.example.com/x']] as const) {
      const result = await h.mutate(trpc('checkins.requestOutside'), { as: liming, input: { ...request(id()), [field]: value } });
      expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { [field]: 'no_links' } });
    }
    expect(await linesSent()).toBe(before);
  });
});
