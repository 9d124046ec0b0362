import type { RoleGrant } from '@tongxin/auth';
import { DECIDES_ABOUT_ONESELF, LEVEL_ABOVE_DECIDES } from '@tongxin/trpc';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { migrations } from '../migrations.ts';
import { members } from '../schema.ts';
import { announceSeats } from '../testing/seats.ts';

// The harness clock stands at 2026-11-02 09:00 China time: October and November are open.
let h: ServiceHarness;
const id = () => crypto.randomUUID();
const org = { dept: id(), matian: id(), yongshui: id(), huangcao: id(), longtan: id(), rcDept: id(), reshui: id() };
const path = {
  yongshui: `/${org.dept}/${org.matian}/${org.yongshui}/`,
  longtan: `/${org.dept}/${org.huangcao}/${org.longtan}/`,
  reshui: `/${org.rcDept}/${org.reshui}/`,
};
const m = { liming: id(), lihua: id(), cao: id(), huang: id(), zhu: id() };

beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  const row = (tenantId: string, memberId: string, userId: string, name: string, branch: 'yongshui' | 'longtan' | 'reshui', status: string) =>
    ({ tenantId, memberId, userId, name, branchId: org[branch], orgPath: path[branch], status });
  await h.database.owner.insert(members).values([
    row('yx', m.liming, 'u-liming', '李明', 'yongshui', 'mobile'),
    row('yx', m.lihua, 'u-lihua', '李华', 'yongshui', 'lost_contact'),
    row('yx', m.cao, 'u-cao', '曹德胜', 'yongshui', 'resident'),
    row('yx', m.huang, 'u-huang', '黄文杰', 'longtan', 'mobile'),
    row('rc', m.zhu, 'u-zhu', '朱国平', 'reshui', 'mobile'),
  ]);
});
afterAll(() => h.close());

const member = (userId: string, tenantId = 'yx') => ({ tenantId, userId, roles: [{ role: 'member', orgId: org.yongshui }] as RoleGrant[] });
const secretaryOf = (key: keyof typeof org, tenantId = 'yx') => ({ tenantId, userId: `sec-${key}`, roles: [{ role: 'secretary', orgId: org[key] }] as RoleGrant[] });
const department = (tenantId = 'yx') => ({ tenantId, userId: `dep-${tenantId}`, roles: [{ role: 'department' }] as RoleGrant[] });
type As = ReturnType<typeof member>;

const submit = (as: As, input: Record<string, unknown>) =>
  h.mutate('/api/reporting/trpc/monthlyReports.submit', { as, input: { period: '2026-11', summary: '在深圳家具厂上班。', ledgerChange: 'unchanged', idempotencyKey: id(), ...input } });
const call = (kind: 'query' | 'mutate', name: string, as: As, input?: unknown) => h[kind](`/api/reporting/trpc/monthlyReports.${name}`, { as, input });
const count = async (table: string) => (await h.database.owner.execute(sql.raw(`select count(*)::int as n from reporting.${table}`))).rows[0]!.n as number;
const counts = async () => ({ reports: await count('monthly_reports'), versions: await count('monthly_report_versions'), events: await count('outbox'), notes: await count('notifications') });

describe('monthlyReports.submit', () => {
  it('the first submission is a report, version 1 and one event; a retry with its key writes nothing', async () => {
    const before = await counts();
    const key = id();
    const first = await submit(member('u-liming'), { period: '2026-10', idempotencyKey: key, study: '学习二十届四中全会精神', helpWanted: true });
    expect(first.data).toEqual({ id: expect.any(String), version: 1 });
    const retry = await submit(member('u-liming'), { period: '2026-10', idempotencyKey: key, study: '学习二十届四中全会精神', helpWanted: true });
    expect(retry.data).toEqual(first.data);
    expect(await counts()).toEqual({ ...before, reports: before.reports + 1, versions: before.versions + 1, events: before.events + 1 });
    const events = await h.database.owner.execute(sql`select topic, payload from reporting.outbox where payload->>'reportId' = ${first.data.id}`);
    expect(events.rows).toEqual([{
      topic: 'reporting.monthly_report_submitted',
      payload: { reportId: first.data.id, memberId: m.liming, userId: 'u-liming', period: '2026-10', ledgerUnchanged: true },
    }]);
  });

  it('concurrent retries of one submission store one report and one version', async () => {
    const before = await counts();
    const key = id();
    const results = await Promise.all(Array.from({ length: 5 }, () => submit(member('u-huang'), { idempotencyKey: key, ledgerChange: 'updated', ledgerVersion: 4 })));
    expect(new Set(results.map((r) => JSON.stringify(r.data))).size).toBe(1);
    expect(await counts()).toEqual({ ...before, reports: before.reports + 1, versions: before.versions + 1, events: before.events + 1 });
    const [event] = (await h.database.owner.execute(sql`select payload from reporting.outbox where payload->>'memberId' = ${m.huang}`)).rows as any[];
    expect(event.payload.ledgerUnchanged).toBe(false);
  });

  it('an edit is a new version of the same report and no new event', async () => {
    const first = await submit(member('u-lihua'), { summary: '在东莞。' });
    const before = await counts();
    const edit = await submit(member('u-lihua'), { summary: '在东莞五金厂，帮村里卖冰糖橙 20 箱。', difficulties: '孩子上学' });
    expect(edit.data).toEqual({ id: first.data.id, version: 2 });
    expect(await counts()).toEqual({ ...before, versions: before.versions + 1 });
    const mine = await call('query', 'mine', member('u-lihua'));
    expect(mine.data).toEqual([expect.objectContaining({ id: first.data.id, version: 2, summary: '在东莞五金厂，帮村里卖冰糖橙 20 箱。', difficulties: '孩子上学', acknowledgedAt: null, comment: null })]);
  });

  it('a future month, a closed month or a malformed one is BAD_REQUEST on period, and nothing changes', async () => {
    const before = await counts();
    expect((await submit(member('u-cao'), { period: '2026-12' })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { period: 'future_period' } });
    expect((await submit(member('u-cao'), { period: '2026-09' })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { period: 'period_closed' } });
    expect((await submit(member('u-cao'), { period: '2026-13' })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { period: 'invalid_format' } });
    h.clock.now = new Date('2026-11-11T00:00:00+08:00');
    try {
      expect((await submit(member('u-cao'), { period: '2026-10' })).error?.fields).toEqual({ period: 'period_closed' });
    } finally {
      h.clock.now = new Date('2026-11-02T09:00:00+08:00');
    }
    expect(await counts()).toEqual(before);
  });

  it('other bad input names its field and changes nothing', async () => {
    const before = await counts();
    expect((await submit(member('u-cao'), { ledgerChange: 'unchanged', ledgerVersion: 3 })).error?.fields).toEqual({ ledgerVersion: 'invalid_value' });
    expect((await submit(member('u-cao'), { summary: '  ' })).error?.fields).toHaveProperty('summary');
    expect((await submit(member('u-cao'), { ledgerChange: 'maybe' })).error?.fields).toHaveProperty('ledgerChange');
    expect((await submit(member('u-cao'), { idempotencyKey: undefined })).error?.fields).toHaveProperty('idempotencyKey');
    expect(await counts()).toEqual(before);
  });

  it('a key used for another month is a CONFLICT', async () => {
    const key = id();
    await submit(member('u-cao'), { period: '2026-10', idempotencyKey: key });
    const before = await counts();
    expect((await submit(member('u-cao'), { period: '2026-11', idempotencyKey: key })).error?.code).toBe('CONFLICT');
    expect(await counts()).toEqual(before);
  });

  it('a secretary may not submit; a user not on the roster gets NOT_FOUND', async () => {
    expect((await submit(secretaryOf('yongshui'), {})).error?.code).toBe('FORBIDDEN');
    expect((await submit(member('u-nobody'), {})).error?.code).toBe('NOT_FOUND');
    expect((await call('query', 'mine', secretaryOf('yongshui'))).error?.code).toBe('FORBIDDEN');
  });
});

describe('monthlyReports.get', () => {
  it('the member and secretaries above them read a report with its versions; others get NOT_FOUND', async () => {
    const { data } = await submit(member('u-liming'), { summary: '十一月：参加深圳流动党支部主题党日。' });
    await submit(member('u-liming'), { summary: '十一月：参加主题党日，介绍两位老乡就业。' });
    const own = await call('query', 'get', member('u-liming'), { reportId: data.id });
    expect(own.data).toMatchObject({ id: data.id, version: 2, versions: [{ version: 1 }, { version: 2 }] });
    expect(own.data.versions[1].content.summary).toMatch(/老乡就业/);
    expect((await call('query', 'get', secretaryOf('matian'), { reportId: data.id })).data.id).toBe(data.id);
    expect((await call('query', 'get', department(), { reportId: data.id })).data.id).toBe(data.id);
    expect((await call('query', 'get', member('u-lihua'), { reportId: data.id })).error?.code).toBe('NOT_FOUND');
    expect((await call('query', 'get', secretaryOf('huangcao'), { reportId: data.id })).error?.code).toBe('NOT_FOUND');
    expect((await call('query', 'get', department('rc'), { reportId: data.id })).error?.code).toBe('NOT_FOUND');
    expect((await call('query', 'get', member('u-liming'), { reportId: 'nope' })).error?.fields).toHaveProperty('reportId');
  });
});

describe('monthlyReports.status and rate', () => {
  it('a secretary sees who in their subtree has and has not reported; residents are not required, but one who reported is listed', async () => {
    const status = await call('query', 'status', secretaryOf('yongshui'), { period: '2026-11' });
    expect(status.data.map((s: any) => [s.name, s.reported])).toEqual([['李华', true], ['李明', true]]);
    const october = await call('query', 'status', secretaryOf('matian'), { period: '2026-10' });
    // 曹德胜 lives at home: not required, but his October report must not be lost to the secretary.
    expect(october.data.map((s: any) => [s.name, s.reported, s.acknowledged])).toEqual([['李华', false, false], ['曹德胜', true, false], ['李明', true, false]]);
    expect(october.data[2]).toMatchObject({ memberId: m.liming, branchId: org.yongshui, reportId: expect.any(String), submittedAt: expect.any(String) });
  });

  it('another township, another county and a member see none of it', async () => {
    expect((await call('query', 'status', secretaryOf('huangcao'), { period: '2026-11' })).data.map((s: any) => s.name)).toEqual(['黄文杰']);
    expect((await call('query', 'status', secretaryOf('huangcao'), { period: '2026-11', orgId: org.yongshui })).data).toEqual([]);
    expect((await call('query', 'status', department('rc'), { period: '2026-11' })).data.map((s: any) => s.name)).toEqual(['朱国平']);
    expect((await call('query', 'status', member('u-liming'), { period: '2026-11' })).error?.code).toBe('FORBIDDEN');
    expect((await call('query', 'status', department(), { period: '11/2026' })).error?.fields).toHaveProperty('period');
  });

  it('the department narrows status to one org', async () => {
    const status = await call('query', 'status', department(), { period: '2026-11', orgId: org.longtan });
    expect(status.data.map((s: any) => s.name)).toEqual(['黄文杰']);
  });

  it('rate per branch, per township and in total, within scope', async () => {
    const rate = await call('query', 'rate', department(), { period: '2026-10' });
    expect(rate.data.total).toEqual({ required: 3, reported: 1, rate: 0.333 });
    expect(rate.data.branches).toEqual(expect.arrayContaining([
      { orgId: org.yongshui, required: 2, reported: 1, rate: 0.5 },
      { orgId: org.longtan, required: 1, reported: 0, rate: 0 },
    ]));
    expect(rate.data.townships).toEqual(expect.arrayContaining([
      { orgId: org.matian, required: 2, reported: 1, rate: 0.5 },
      { orgId: org.huangcao, required: 1, reported: 0, rate: 0 },
    ]));
    const township = await call('query', 'rate', secretaryOf('huangcao'), { period: '2026-11' });
    expect(township.data).toEqual({ period: '2026-11', branches: [{ orgId: org.longtan, required: 1, reported: 1, rate: 1 }], townships: [{ orgId: org.huangcao, required: 1, reported: 1, rate: 1 }], total: { required: 1, reported: 1, rate: 1 } });
    expect((await call('query', 'rate', member('u-liming'), { period: '2026-11' })).error?.code).toBe('FORBIDDEN');
    expect((await call('query', 'rate', department('rc'), { period: '2026-09' })).data.total).toEqual({ required: 1, reported: 0, rate: 0 });
  });
});

describe('monthlyReports.acknowledge and comment', () => {
  it('acknowledging tells the member once and ends editing; a retry of the original still answers', async () => {
    const key = id();
    const { data } = await submit(member('u-zhu', 'rc'), { idempotencyKey: key });
    expect((await call('mutate', 'acknowledge', secretaryOf('reshui', 'rc'), { reportId: data.id, comment: '收到，辛苦了。' })).data).toMatchObject({ id: data.id });
    await call('mutate', 'acknowledge', secretaryOf('reshui', 'rc'), { reportId: data.id });
    const notes = await h.database.owner.execute(sql`select kind, user_id, dedupe_key, body from reporting.notifications where tenant_id = 'rc'`);
    expect(notes.rows).toEqual([{ kind: 'acknowledgement', user_id: 'u-zhu', dedupe_key: `ack:${data.id}`, body: '收到，辛苦了。' }]);
    const before = await counts();
    const edit = await submit(member('u-zhu', 'rc'), { summary: '改一下' });
    expect(edit.error).toMatchObject({ code: 'BAD_REQUEST', fields: { period: 'report_acknowledged' } });
    expect((await submit(member('u-zhu', 'rc'), { idempotencyKey: key })).data).toEqual({ id: data.id, version: 1 });
    expect(await counts()).toEqual(before);
    const [mine] = (await call('query', 'mine', member('u-zhu', 'rc'))).data;
    expect(mine).toMatchObject({ comment: '收到，辛苦了。', acknowledgedAt: expect.any(String) });
    expect((await call('query', 'status', department('rc'), { period: '2026-11' })).data[0]).toMatchObject({ reported: true, acknowledged: true });
  });

  it('only staff in scope acknowledge: another township, another county and a member may not', async () => {
    const [report] = (await call('query', 'mine', member('u-liming'))).data;
    const before = await counts();
    expect((await call('mutate', 'acknowledge', secretaryOf('huangcao'), { reportId: report.id })).error?.code).toBe('NOT_FOUND');
    expect((await call('mutate', 'acknowledge', department('rc'), { reportId: report.id })).error?.code).toBe('NOT_FOUND');
    expect((await call('mutate', 'acknowledge', member('u-liming'), { reportId: report.id })).error?.code).toBe('FORBIDDEN');
    expect((await call('mutate', 'acknowledge', secretaryOf('yongshui'), { reportId: 'x' })).error?.fields).toHaveProperty('reportId');
    expect(await counts()).toEqual(before);
  });

  it('a reply shows on the report and reaches the inbox once per text', async () => {
    const [report] = (await call('query', 'mine', member('u-liming'))).data;
    const reply = { reportId: report.id, comment: '介绍老乡就业，值得表扬。' };
    await call('mutate', 'comment', secretaryOf('yongshui'), reply);
    await call('mutate', 'comment', secretaryOf('yongshui'), reply);
    const notes = await h.database.owner.execute(sql`select kind, body from reporting.notifications where user_id = 'u-liming'`);
    expect(notes.rows).toEqual([{ kind: 'reply', body: reply.comment }]);
    expect((await call('query', 'mine', member('u-liming'))).data[0]).toMatchObject({ comment: reply.comment, acknowledgedAt: null });
    const before = await counts();
    expect((await call('mutate', 'comment', member('u-liming'), reply)).error?.code).toBe('FORBIDDEN');
    expect((await call('mutate', 'comment', secretaryOf('huangcao'), reply)).error?.code).toBe('NOT_FOUND');
    expect((await call('mutate', 'comment', secretaryOf('yongshui'), { ...reply, comment: '' })).error?.fields).toHaveProperty('comment');
    expect(await counts()).toEqual(before);
  });
});

describe('a secretary who is also a member of the branch', () => {
  // 曹德胜 is 涌水村's secretary and one of its members: one user, both roles.
  const both = { tenantId: 'yx', userId: 'u-cao', roles: [{ role: 'secretary', orgId: org.yongshui }, { role: 'member', orgId: org.yongshui }] as RoleGrant[] };

  it('may not acknowledge their own report: FORBIDDEN, nothing changes; the township secretary acknowledges it', async () => {
    const { data } = await submit(both, { summary: '在村里组织卖冰糖橙。' });
    const before = await counts();
    expect((await call('mutate', 'acknowledge', both, { reportId: data.id, comment: '自己已阅' })).error).toMatchObject({ code: 'FORBIDDEN', message: DECIDES_ABOUT_ONESELF });
    expect(await counts()).toEqual(before);
    expect((await call('query', 'mine', both)).data[0]).toMatchObject({ id: data.id, acknowledgedAt: null });
    expect((await call('mutate', 'acknowledge', secretaryOf('matian'), { reportId: data.id })).error).toBeNull();
    expect((await call('query', 'mine', both)).data[0]).toMatchObject({ id: data.id, acknowledgedAt: expect.any(String) });
  });

  it('nor may a deputy of his branch acknowledge his report (issue 13 C): FORBIDDEN; the township does', async () => {
    expect(await announceSeats(h.database, 'yx', 'u-cao', [{ orgId: org.yongshui, path: path.yongshui }])).toBe('applied');
    const { data } = await submit(both, { period: '2026-10', summary: '十月在村里。' });
    const before = await counts();
    // sec-yongshui holds a seat at the same branch: the deputy he could have appointed.
    expect((await call('mutate', 'acknowledge', secretaryOf('yongshui'), { reportId: data.id })).error).toMatchObject({ code: 'FORBIDDEN', message: LEVEL_ABOVE_DECIDES });
    expect(await counts()).toEqual(before);
    expect((await call('mutate', 'acknowledge', secretaryOf('matian'), { reportId: data.id })).error).toBeNull();
  });
});
