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
