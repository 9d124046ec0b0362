import { describe, expect, it } from 'vitest';
import { pageNamed, pagesFor } from './pages.ts';
import { seatsOf } from './seats.ts';

const orgs = [
  { id: 'township', kind: 'township' },
  { id: 'branch', kind: 'branch' },
  { id: 'flow', kind: 'flow_branch' },
];
const names = (roles: Parameters<typeof seatsOf>[0]) => pagesFor(seatsOf(roles, orgs)).map((entry) => entry.name);

describe('the pages each seat is offered', () => {
  it('a branch secretary follows its members\' check-ins but gets no flow roster, tree or scoring rules', () => {
    const pages = names([{ role: 'member', orgId: 'branch' }, { role: 'secretary', orgId: 'branch' }]);
    expect(pages).toContain('reports');
    expect(pages).toContain('evaluation');
    expect(pages).toContain('checkins');
    expect(pages).not.toContain('flow-roster');
    expect(pages).not.toContain('tree');
    expect(pages).not.toContain('scoring-rules');
  });

  it('a flow-branch secretary gets the destination pages, not the home branch ones', () => {
    const pages = names([{ role: 'secretary', orgId: 'flow' }]);
    expect(pages).toEqual(expect.arrayContaining(['checkins', 'flow-roster', 'meetings', 'tasks']));
    expect(pages).not.toContain('reports');
    expect(pages).not.toContain('evaluation');
  });

  it('a township secretary gets both sides and the tree; only the department gets the scoring rules', () => {
    expect(names([{ role: 'secretary', orgId: 'township' }])).toEqual(expect.arrayContaining(['reports', 'checkins', 'tree']));
    expect(names([{ role: 'secretary', orgId: 'township' }])).not.toContain('scoring-rules');
    expect(names([{ role: 'department', orgId: null }])).toContain('scoring-rules');
  });

  it('the township and the department keep the certificate register and letters; a branch does not; verifying is opened from a code, not the nav', () => {
    expect(names([{ role: 'secretary', orgId: 'township' }])).toEqual(expect.arrayContaining(['certificates', 'certificate-letters']));
    expect(names([{ role: 'department', orgId: null }])).toEqual(expect.arrayContaining(['certificates', 'certificate-letters']));
    expect(names([{ role: 'secretary', orgId: 'branch' }])).not.toContain('certificates');
    for (const roles of [[{ role: 'secretary', orgId: 'flow' }], [{ role: 'department', orgId: null }]]) expect(names(roles)).not.toContain('verify-certificate');
    expect(pageNamed('verify-certificate')?.name).toBe('verify-certificate');
  });

  it('a grant for an org the caller was not sent, or a member grant, gives no seat', () => {
    expect(names([{ role: 'secretary', orgId: 'elsewhere' }])).toEqual([]);
    expect(names([{ role: 'member', orgId: 'flow' }])).toEqual([]);
  });
});
