import { describe, expect, it } from 'vitest';
import { DECIDES_ABOUT_ONESELF, LEVEL_ABOVE_DECIDES, levelAboveRefusal, refuseUnlessLevelAbove, type Decider, type Seat } from './index.ts';

// A county: township T above branches B and C (paths hold every ancestor and the org itself).
const branchB: Seat = { orgId: 'B', path: '/county/T/B/' };
const township: Seat = { orgId: 'T', path: '/county/T/' };
const secretaryOf = (userId: string, ...orgIds: string[]): Decider => ({ userId, orgIds, tenantWide: false });
const department: Decider = { userId: 'dept', orgIds: [], tenantWide: true };

describe('the level above decides', () => {
  it('refuses a decision about the caller’s own record, the department’s too: FORBIDDEN with the stable message', async () => {
    await expect(refuseUnlessLevelAbove(secretaryOf('u-1', 'B'), 'u-1', async () => [])).rejects.toMatchObject({ code: 'FORBIDDEN', message: DECIDES_ABOUT_ONESELF });
    expect(levelAboveRefusal({ ...department, userId: 'u-1' }, { userId: 'u-1', seats: [] })).toBe(DECIDES_ABOUT_ONESELF);
  });

  it('lets anyone whose scope covers them decide about a member without a seat, or without an account', async () => {
    await expect(refuseUnlessLevelAbove(secretaryOf('s-B', 'B'), 'm-1', async () => [])).resolves.toBeUndefined();
    await expect(refuseUnlessLevelAbove(secretaryOf('s-B', 'B'), null, async () => [branchB])).resolves.toBeUndefined();
  });

  it('refuses a secretary or deputy of the same org, and of a sibling, deciding about someone seated at B', () => {
    expect(levelAboveRefusal(secretaryOf('deputy-B', 'B'), { userId: 's-B', seats: [branchB] })).toBe(LEVEL_ABOVE_DECIDES);
    expect(levelAboveRefusal(secretaryOf('s-C', 'C'), { userId: 's-B', seats: [branchB] })).toBe(LEVEL_ABOVE_DECIDES);
  });

  it('lets the township above B, or the department, decide about B’s secretary', async () => {
    await expect(refuseUnlessLevelAbove(secretaryOf('s-T', 'T'), 's-B', async () => [branchB])).resolves.toBeUndefined();
    expect(levelAboveRefusal(department, { userId: 's-B', seats: [branchB] })).toBeNull();
  });

  it('needs the caller above every seat the subject holds, and leaves a seat of unknown path to the department', () => {
    expect(levelAboveRefusal(secretaryOf('s-T', 'T'), { userId: 'x', seats: [branchB, township] })).toBe(LEVEL_ABOVE_DECIDES);
    expect(levelAboveRefusal(secretaryOf('s-county', 'county'), { userId: 'x', seats: [branchB, township] })).toBeNull();
    expect(levelAboveRefusal(secretaryOf('s-T', 'T'), { userId: 'x', seats: [{ orgId: 'B', path: null }] })).toBe(LEVEL_ABOVE_DECIDES);
    expect(levelAboveRefusal(department, { userId: 'x', seats: [{ orgId: 'B', path: null }] })).toBeNull();
  });
});
