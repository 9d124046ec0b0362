import { describe, expect, it } from 'vitest';
import { inOrgScope } from './in-org-scope.ts';

const county = '11111111-1111-4111-8111-111111111111';
const township = '22222222-2222-4222-8222-222222222222';
const branch = '33333333-3333-4333-8333-333333333333';
const branchPath = `/${county}/${township}/${branch}/`;

describe('inOrgScope', () => {
  it('admits an org in the subtree of one the caller holds, itself included', () => {
    expect(inOrgScope(branchPath, [township])).toBe(true);
    expect(inOrgScope(branchPath, [branch])).toBe(true);
    expect(inOrgScope(branchPath, ['44444444-4444-4444-8444-444444444444', county])).toBe(true);
  });

  it('refuses an org above or beside the caller’s orgs', () => {
    expect(inOrgScope(`/${county}/${township}/`, [branch])).toBe(false);
    expect(inOrgScope(branchPath, ['44444444-4444-4444-8444-444444444444'])).toBe(false);
  });

  it('matches whole ids only, never a part of one', () => {
    expect(inOrgScope(branchPath, [branch.slice(0, 8)])).toBe(false);
    expect(inOrgScope(branchPath, [''])).toBe(false);
  });

  it('lets tenant-wide callers (null) in anywhere and no one into a missing path', () => {
    expect(inOrgScope(branchPath, null)).toBe(true);
    expect(inOrgScope(null, [branch])).toBe(false);
    expect(inOrgScope(branchPath, [])).toBe(false);
  });
});
