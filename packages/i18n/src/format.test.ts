import { describe, expect, it } from 'vitest';
import { format } from './format.ts';

describe('format', () => {
  it('reads an instant on Beijing time whatever the machine’s zone: 01:00 UTC is 09:00', () => {
    const text = format(new Date('2026-12-07T01:00:00Z'), { timeStyle: 'short', hourCycle: 'h23' });
    expect(text).toContain('09:00');
  });

  it('keeps an explicit zone the caller names', () => {
    expect(format(new Date('2026-12-07T01:00:00Z'), { timeStyle: 'short', hourCycle: 'h23', timeZone: 'UTC' })).toContain('01:00');
  });
});

describe('format, in the language of the moment', () => {
  it('follows a change of language with the same options (a formatter is kept per language)', async () => {
    const { setLocale } = await import('./locale.ts');
    const when = new Date('2026-12-07T01:00:00Z');
    await setLocale('zh-CN');
    const chinese = format(when, { month: 'long' });
    await setLocale('en');
    const english = format(when, { month: 'long' });
    await setLocale('zh-CN');
    expect([chinese, english]).toEqual(['十二月', 'December']);
    expect(format(when, { month: 'long' })).toBe('十二月');
    expect(format(12345)).toBe('12,345');
  });
});

describe('format, Chinese dates written out', () => {
  it('gives Intl’s own text for every shape it writes out, across years, days and hours', () => {
    const shapes = [undefined, { dateStyle: 'medium' }, { dateStyle: 'medium', timeStyle: 'short' }, { hour: '2-digit', minute: '2-digit', hour12: false },
      { timeStyle: 'short' }, { timeStyle: 'short', hourCycle: 'h23' }, { dateStyle: 'medium', timeZone: 'Asia/Shanghai' }] as const;
    let seed = 20261207;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const instants = [Date.UTC(1992, 0, 1), Date.UTC(2026, 11, 31, 16, 0), Date.UTC(2026, 11, 31, 15, 59), Date.UTC(2028, 1, 28, 16, 30)];
    for (let i = 0; i < 400; i++) instants.push(Date.UTC(1992, 0, 1) + Math.floor(random() * 110 * 365 * 86_400_000));
    for (const at of instants) {
      for (const shape of shapes) {
        const expected = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', ...(shape ?? { dateStyle: 'medium' }) }).format(new Date(at));
        expect(format(new Date(at), shape as Intl.DateTimeFormatOptions | undefined)).toBe(expected);
      }
    }
  });

  it('leaves other zones, older years (summer time until 1991) and other shapes to Intl', () => {
    const summer1988 = new Date(Date.UTC(1988, 6, 1, 15, 30));
    expect(format(summer1988, { dateStyle: 'medium', timeStyle: 'short' })).toBe(new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' }).format(summer1988));
    const when = new Date('2026-12-07T01:00:00Z');
    expect(format(when, { timeStyle: 'short', hourCycle: 'h23', timeZone: 'UTC' })).toContain('01:00');
    expect(format(when, { month: 'long' })).toBe('十二月');
  });
});

describe('format, whole counts written out', () => {
  it('gives Intl’s own text in both languages, negative and large too', async () => {
    const { setLocale } = await import('./locale.ts');
    for (const language of ['zh-CN', 'en'] as const) {
      await setLocale(language);
      for (const n of [0, 7, -7, 999, 1000, -1234, 12345, 999999, 1000000, 123456789, -9007199254740991]) {
        expect(format(n)).toBe(new Intl.NumberFormat(language).format(n));
      }
    }
    await setLocale('zh-CN');
    expect(format(1234.5)).toBe('1,234.5');
  });
});
