import { describe, expect, it } from 'vitest';
import { childRows, countyRows, currentChinaMonth, isCityTenant, isPickableMonth, mergeByService, reportingRate, rowValues, type Figures } from './city-rows.ts';

type County = { countyId: string; figures: Figures };

describe("the city's rows", () => {
  it('the reporting rate is submitted over due, and no rate when nobody was asked', () => {
    expect(reportingRate({ reportsDue: 40, reportsSubmitted: 30 })).toBe(0.75);
    expect(reportingRate({ reportsDue: 0, reportsSubmitted: 0 })).toBeNull();
    expect(reportingRate(undefined)).toBeNull();
  });

  it('each column reads its own service, and an absent figure is 0', () => {
    expect(rowValues({ roster: { mobile: 12, checkedIn: 5 }, reporting: { reportsDue: 10, reportsSubmitted: 9, meetingsHeld: 2 }, tasks: { claims: 3 }, scoring: { points: 40 } })).toEqual({
      mobile: 12, checkedIn: 5, lostContact: 0, reportingRate: 0.9, meetingsHeld: 2, claims: 3, completed: 0, points: 40,
    });
  });

  it('the counties are merged across services by id, in division-code order, named from the tenants', () => {
    const merged = mergeByService<County>(
      {
        roster: [{ countyId: '431026', figures: { mobile: 3 } }, { countyId: '431023', figures: { mobile: 9 } }],
        scoring: [{ countyId: '431023', figures: { points: 7 } }],
      },
      (c) => c.countyId,
      (c) => c.figures,
    );
    const rows = countyRows(merged, new Map([['431023', '永兴县'], ['431026', '汝城县']]));
    expect(rows.map((r) => [r.name, r.values.mobile, r.values.points])).toEqual([['永兴县', 9, 7], ['汝城县', 3, 0]]);
  });

  it('a county that only one service lists yet is still a row; a name not known shows the code', () => {
    const rows = countyRows(mergeByService({ tasks: [{ countyId: '431099', figures: { claims: 1 } }] }, (c) => c.countyId, (c) => c.figures), new Map());
    expect(rows).toEqual([{ id: '431099', name: '431099', values: expect.objectContaining({ claims: 1, mobile: 0, reportingRate: null }) }]);
  });

  it("an org's children are rows by name in pinyin order", () => {
    const merged = mergeByService({ roster: [{ org: { id: 'b' }, figures: { mobile: 1 } }, { org: { id: 'a' }, figures: { mobile: 2 } }] }, (c) => c.org.id, (c) => c.figures);
    expect(childRows(merged, { a: '马田镇党委', b: '黄泥镇党委' }).map((r) => r.name)).toEqual(['黄泥镇党委', '马田镇党委']);
  });

  it('the month is China time, and a month after it cannot be picked', () => {
    // 2026-11-30 17:00 UTC is already December 1st in Beijing.
    const now = new Date('2026-11-30T17:00:00Z');
    expect(currentChinaMonth(now)).toBe('2026-12');
    expect(isPickableMonth('2026-12', now)).toBe(true);
    expect(isPickableMonth('2027-01', now)).toBe(false);
    expect(isPickableMonth('2026-13', now)).toBe(false);
  });

  it('a city is a division code ending in 00; a county, a province and the platform are not', () => {
    expect(isCityTenant('431000')).toBe(true);
    expect(isCityTenant('431023')).toBe(false);
    expect(isCityTenant('430000')).toBe(false);
    expect(isCityTenant('platform')).toBe(false);
  });
});
