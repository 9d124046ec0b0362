import { setLocale } from '@tongxin/i18n';
import { beforeAll, describe, expect, it } from 'vitest';
import { entryWhen } from './entry-when.ts';

beforeAll(() => setLocale('zh-CN'));

describe('entryWhen', () => {
  it("names a monthly report's month, not the day its points count from", () => {
    expect(entryWhen({ kind: 'monthly_report', label: '2026-10', period: '2026-10', activityAt: '2026-09-30T16:00:00.000Z' })).toBe('2026年10月');
  });

  it("reads the month from the entry's period when the event did not say it (older events)", () => {
    expect(entryWhen({ kind: 'monthly_report', label: null, period: '2026-03', activityAt: '2026-02-28T16:00:00.000Z' })).toBe('2026年3月');
  });

  it("gives other activities their day, in Beijing time", () => {
    expect(entryWhen({ kind: 'task_claimed', label: '帮村里销售冰糖橙', period: '2026-11', activityAt: '2026-10-31T17:00:00.000Z' })).toBe('2026年11月1日');
  });
});
