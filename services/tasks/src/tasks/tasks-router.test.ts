import type { RoleGrant } from '@tongxin/auth';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { migrations } from '../migrations.ts';

let h: ServiceHarness;
beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
});
afterAll(() => h.close());

const branch = '00000000-0000-4000-8000-000000000001';
const otherBranch = '00000000-0000-4000-8000-000000000002';
const secretary = (tenantId = 'yx') => ({ tenantId, userId: 'sec', roles: [{ role: 'secretary', orgId: branch }] as RoleGrant[] });
const member = (tenantId = 'yx') => ({ tenantId, userId: 'm1', roles: [{ role: 'member', orgId: branch }] as RoleGrant[] });
const oranges = { orgId: branch, title: '帮村里销售冰糖橙', description: '在所在城市联系商超或同事团购，记录订单数。', points: 10, idempotencyKey: 'publish-oranges-2026-11' };

describe('tasks', () => {
  it('a secretary publishes a task once, however often the request is retried', async () => {
    const first = await h.mutate('/api/tasks/trpc/tasks.publish', { as: secretary(), input: oranges });
    const retry = await h.mutate('/api/tasks/trpc/tasks.publish', { as: secretary(), input: oranges });
    expect(first.data.created).toBe(true);
    expect(retry.data).toEqual({ id: first.data.id, created: false });
    const list = await h.query('/api/tasks/trpc/tasks.list', { as: member() });
    expect(list.data.map((t: { title: string }) => t.title)).toEqual(['帮村里销售冰糖橙']);
  });

  it("a member of another county does not see this county's tasks", async () => {
    expect((await h.query('/api/tasks/trpc/tasks.list', { as: member('rc') })).data).toEqual([]);
  });

  it('a secretary cannot publish for an org they do not hold; a member cannot publish at all', async () => {
    expect((await h.mutate('/api/tasks/trpc/tasks.publish', { as: secretary(), input: { ...oranges, orgId: otherBranch, idempotencyKey: 'k-other-0001' } })).error?.code).toBe('FORBIDDEN');
    expect((await h.mutate('/api/tasks/trpc/tasks.publish', { as: member(), input: oranges })).error?.code).toBe('FORBIDDEN');
  });

  it('a secretary without the member role cannot list as a member', async () => {
    expect((await h.query('/api/tasks/trpc/tasks.list', { as: secretary() })).error?.code).toBe('FORBIDDEN');
  });

  it('points outside 1–100 are BAD_REQUEST naming points', async () => {
    const result = await h.mutate('/api/tasks/trpc/tasks.publish', { as: secretary(), input: { ...oranges, points: 1000, idempotencyKey: 'k-points-0001' } });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { points: expect.any(String) } });
  });
});
