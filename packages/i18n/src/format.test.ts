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
