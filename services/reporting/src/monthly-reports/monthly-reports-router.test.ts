import type { RoleGrant } from '@tongxin/auth';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { migrations } from '../migrations.ts';

let h: ServiceHarness;
beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
});
afterAll(() => h.close());

const branch = '00000000-0000-4000-8000-000000000001';
const member = (userId: string, tenantId = 'yx') => ({ tenantId, userId, roles: [{ role: 'member', orgId: branch }] as RoleGrant[] });
const department = (tenantId = 'yx') => ({ tenantId, userId: 'dep', roles: [{ role: 'department' }] as RoleGrant[] });
const secretary = { tenantId: 'yx', userId: 'sec', roles: [{ role: 'secretary', orgId: branch }] as RoleGrant[] };

describe('monthly reports', () => {
  it('a member submits the month once; a resubmission replaces it instead of duplicating', async () => {
    const first = await h.mutate('/api/reporting/trpc/monthlyReports.submit', { as: member('m1'), input: { period: '2026-10', summary: '在深圳家具厂上班，参加了流动党支部主题党日。' } });
    const again = await h.mutate('/api/reporting/trpc/monthlyReports.submit', { as: member('m1'), input: { period: '2026-10', summary: '补充：帮村里卖冰糖橙 20 箱。' } });
    expect(again.data.id).toBe(first.data.id);
    const mine = await h.query('/api/reporting/trpc/monthlyReports.mine', { as: member('m1') });
    expect(mine.data).toHaveLength(1);
    expect(mine.data[0].summary).toMatch(/冰糖橙/);
    const events = await h.database.owner.execute(sql`select count(*)::int as n from reporting.outbox where payload->>'userId' = 'm1'`);
    expect(events.rows[0]!.n).toBe(1);
  });

  it("a member sees only their own reports, not another member's", async () => {
    await h.mutate('/api/reporting/trpc/monthlyReports.submit', { as: member('m2'), input: { period: '2026-10', summary: '在东莞五金厂。' } });
    const mine = await h.query('/api/reporting/trpc/monthlyReports.mine', { as: member('m2') });
    expect(mine.data.map((r: { summary: string }) => r.summary)).toEqual(['在东莞五金厂。']);
  });

  it('a department counts the month for its tenant only; a secretary may not', async () => {
    await h.mutate('/api/reporting/trpc/monthlyReports.submit', { as: member('r1', 'rc'), input: { period: '2026-10', summary: '汝城。' } });
    expect((await h.query('/api/reporting/trpc/monthlyReports.countForPeriod', { as: department(), input: { period: '2026-10' } })).data).toEqual({ period: '2026-10', reports: 2 });
    expect((await h.query('/api/reporting/trpc/monthlyReports.countForPeriod', { as: secretary, input: { period: '2026-10' } })).error?.code).toBe('FORBIDDEN');
  });

  it('a secretary cannot submit or read as a member', async () => {
    expect((await h.mutate('/api/reporting/trpc/monthlyReports.submit', { as: secretary, input: { period: '2026-10', summary: 'x' } })).error?.code).toBe('FORBIDDEN');
    expect((await h.query('/api/reporting/trpc/monthlyReports.mine', { as: secretary })).error?.code).toBe('FORBIDDEN');
  });

  it('a malformed period is BAD_REQUEST naming period', async () => {
    const result = await h.mutate('/api/reporting/trpc/monthlyReports.submit', { as: member('m1'), input: { period: '2026-13', summary: 'x' } });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { period: 'a month as YYYY-MM' } });
  });
});
