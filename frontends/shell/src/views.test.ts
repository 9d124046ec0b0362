import { describe, expect, it } from 'vitest';
import { allowedViews, homeView } from './views.ts';
import type { Session } from './session.ts';

const session = (tenantId: string, roles: Session['roles']): Session => ({ user: { id: 'u', name: 'x' }, tenantId, roles });

describe('the views a session may open', () => {
  it("a county's department opens the roster pages and the department view", () => {
    expect(allowedViews(session('431023', [{ role: 'department' }])).map((v) => v.name)).toEqual(['secretary', 'department']);
  });

  it("a city's department opens only the department view, its home", () => {
    const city = session('431000', [{ role: 'department' }]);
    expect(allowedViews(city).map((v) => v.name)).toEqual(['department']);
    expect(homeView(city)?.name).toBe('department');
  });
});
