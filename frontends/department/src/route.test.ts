import { describe, expect, it, vi } from 'vitest';

// route.ts follows the address bar: a minimal window for Node.
vi.stubGlobal('window', { location: { search: '' }, addEventListener: () => undefined });
const { hrefOf, parseRoute, secretaryRoster } = await import('./route.ts');

const ORG = '0b6f2c8e-6a2d-4f4e-9a51-3c2f7d1e9a10';

describe("the department view's figures routes", () => {
  it('read the org, month and trend length of the overview, the flow organizations and 三找', () => {
    expect(parseRoute('')).toEqual({ name: 'overview' });
    expect(parseRoute(`?org=${ORG}&month=2026-10&months=24`)).toEqual({ name: 'overview', org: ORG, month: '2026-10', months: 24 });
    expect(parseRoute('?page=places&month=2026-09')).toEqual({ name: 'places', month: '2026-09' });
    expect(parseRoute('?page=flow')).toEqual({ name: 'flow' });
  });

  it('drop a malformed org, month or length rather than send it to be refused', () => {
    expect(parseRoute('?org=42&month=2026-13&months=6')).toEqual({ name: 'overview' });
  });

  it('write what they read', () => {
    const route = { name: 'overview', org: ORG, month: '2026-10', months: 24 } as const;
    expect(parseRoute(hrefOf(route).split('?')[1]!)).toEqual(route);
    expect(hrefOf({ name: 'overview' })).toBe('/department');
    expect(hrefOf({ name: 'places', month: '2026-09' })).toBe('/department?page=places&month=2026-09');
  });

  it("link a branch's figures to the secretary view's roster with the filter that lists the members", () => {
    expect(secretaryRoster(ORG, { status: 'mobile' })).toBe(`/secretary?org=${ORG}&status=mobile`);
    expect(secretaryRoster(ORG, { lostContact: true })).toBe(`/secretary?org=${ORG}&lost=1`);
    expect(secretaryRoster(ORG, { away: true, checkedIn: true })).toBe(`/secretary?org=${ORG}&away=1&checkedin=1`);
    expect(secretaryRoster(ORG, { stale: true, city: '深圳市' })).toBe(`/secretary?org=${ORG}&stale=1&city=${encodeURIComponent('深圳市')}`);
  });
});
