import { describe, expect, it } from 'vitest';
import { DECIDES_ABOUT_ONESELF, LEVEL_ABOVE_DECIDES, SEAT_COOLING_OFF_MS, levelAboveRefusal, refuseUnlessLevelAbove, type Decider, type Seat } from './index.ts';

// A county: township T above branches B and C (paths hold every ancestor and the org itself).
const branchB: Seat = { orgId: 'B', path: '/county/T/B/' };
const township: Seat = { orgId: 'T', path: '/county/T/' };
const secretaryOf = (userId: string, ...orgIds: string[]): Decider => ({ userId, orgIds, tenantWide: false });
const department: Decider = { userId: 'dept', orgIds: [], tenantWide: true };

describe('the level above decides', () => {
  it('refuses a decision about the caller’s own record, the department’s too: FORBIDDEN with the stable message', async () => {
    await expect(refuseUnlessLevelAbove(secretaryOf('u-1', 'B'), 'u-1', async () => [])).rejects.toMatchObject({ code: 'decides_about_oneself', message: DECIDES_ABOUT_ONESELF });
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

  it('counts a seat ended less than the cooling-off ago as held: stepping down frees no one from the level above; an older end does not count', async () => {
    const now = new Date('2026-12-07T08:00:00Z');
    const endedAgo = (ms: number): Seat => ({ ...branchB, endedAt: new Date(now.getTime() - ms) });
    const day = 24 * 60 * 60 * 1000;
    expect(levelAboveRefusal(secretaryOf('s-B', 'B'), { userId: 'd-B', seats: [endedAgo(3000)] }, now)).toBe(LEVEL_ABOVE_DECIDES);
    expect(levelAboveRefusal(secretaryOf('s-B', 'B'), { userId: 'd-B', seats: [endedAgo(SEAT_COOLING_OFF_MS - day)] }, now)).toBe(LEVEL_ABOVE_DECIDES);
    // An end after `now` (clocks apart) still counts.
    expect(levelAboveRefusal(secretaryOf('s-B', 'B'), { userId: 'd-B', seats: [endedAgo(-day)] }, now)).toBe(LEVEL_ABOVE_DECIDES);
    await expect(refuseUnlessLevelAbove(secretaryOf('s-B', 'B'), 'd-B', async () => [endedAgo(3000)], now)).rejects.toMatchObject({ code: 'level_above_decides', message: LEVEL_ABOVE_DECIDES });
    expect(levelAboveRefusal(secretaryOf('s-T', 'T'), { userId: 'd-B', seats: [endedAgo(3000)] }, now)).toBeNull();
    expect(levelAboveRefusal(secretaryOf('s-B', 'B'), { userId: 'd-B', seats: [endedAgo(SEAT_COOLING_OFF_MS)] }, now)).toBeNull();
    expect(levelAboveRefusal(secretaryOf('s-B', 'B'), { userId: 'd-B', seats: [endedAgo(SEAT_COOLING_OFF_MS + day), { ...township, endedAt: null }] }, now)).toBe(LEVEL_ABOVE_DECIDES);
    expect(SEAT_COOLING_OFF_MS).toBe(90 * day);
  });
});
