import { describe, expect, it } from 'vitest';
import { isStepDone, resumeAt } from './setup-progress.ts';

describe('the setup wizard opens', () => {
  it('on the first step not done while the county is being set up', () => {
    expect(resumeAt({ steps: [], tenant: { liveAt: null } })).toBe('profile');
    expect(resumeAt({ steps: ['profile', 'orgs'], tenant: { liveAt: null } })).toBe('members');
  });

  it('on its checklist once every step is done', () => {
    expect(resumeAt({ steps: ['profile', 'orgs', 'members', 'secretaries', 'settings', 'accounts'], tenant: { liveAt: null } })).toBe('live');
  });

  it('on its checklist, every step done, for a live county whatever steps were marked (the demo counties: only live)', () => {
    const demo = { steps: ['live'], tenant: { liveAt: '2026-11-02T00:00:00.000Z' } };
    expect(resumeAt(demo)).toBe('live');
    expect(isStepDone(demo, 'profile')).toBe(true);
  });
});
