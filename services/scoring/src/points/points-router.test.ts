import type { RoleGrant } from '@tongxin/auth';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { migrations } from '../migrations.ts';
import { pointsLedger, scoredMembers } from '../schema.ts';

let h: ServiceHarness;
const memberId = '00000000-0000-4000-8000-0000000000aa';
beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  await h.database.owner.insert(scoredMembers).values({ tenantId: 'yx', memberId, userId: 'm1', name: '李明' });
  await h.database.owner.insert(pointsLedger).values([
    { tenantId: 'yx', memberId, userId: 'm1', points: 10, reason: '完成任务：销售冰糖橙' },
    { tenantId: 'yx', memberId, userId: 'm1', points: 2, reason: '按时提交月度报告' },
    { tenantId: 'yx', memberId: '00000000-0000-4000-8000-0000000000bb', userId: 'm2', points: 50, reason: '他人的积分' },
  ]);
});
afterAll(() => h.close());

const branch = '00000000-0000-4000-8000-000000000001';
const member = (userId: string) => ({ tenantId: 'yx', userId, roles: [{ role: 'member', orgId: branch }] as RoleGrant[] });
const department = (tenantId = 'yx') => ({ tenantId, userId: 'dep', roles: [{ role: 'department' }] as RoleGrant[] });

describe('points', () => {
  it("a member sees their own total and entries, not another member's", async () => {
    const result = await h.query('/api/scoring/trpc/points.mine', { as: member('m1') });
    expect(result.data.total).toBe(12);
    expect(result.data.entries).toHaveLength(2);
  });

  it('a department may not read a member’s points as a member', async () => {
    expect((await h.query('/api/scoring/trpc/points.mine', { as: department() })).error?.code).toBe('FORBIDDEN');
  });

  it('a department counts the members scoring knows in its tenant only; a member may not', async () => {
    expect((await h.query('/api/scoring/trpc/points.memberCount', { as: department() })).data).toEqual({ members: 1 });
    expect((await h.query('/api/scoring/trpc/points.memberCount', { as: department('rc') })).data).toEqual({ members: 0 });
    expect((await h.query('/api/scoring/trpc/points.memberCount', { as: member('m1') })).error?.code).toBe('FORBIDDEN');
  });
});
