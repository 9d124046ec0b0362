import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../rules/activity-rules.ts';
import { proposeGrade } from './grade-rules.ts';

const mobile = (points: number, reports: number, inPersonMeetings = 1) => ({ points, reports, inPersonMeetings, reportRuleApplies: true });

describe('the proposed grade', () => {
  it('is the best grade whose points and monthly reports a mobile member reached', () => {
    expect(proposeGrade(mobile(60, 10), DEFAULT_THRESHOLDS)).toBe('excellent');
    expect(proposeGrade(mobile(80, 9), DEFAULT_THRESHOLDS)).toBe('qualified');
    expect(proposeGrade(mobile(30, 4), DEFAULT_THRESHOLDS)).toBe('basic');
    expect(proposeGrade(mobile(9, 12), DEFAULT_THRESHOLDS)).toBe('unqualified');
    expect(proposeGrade(mobile(100, 3), DEFAULT_THRESHOLDS)).toBe('unqualified');
  });

  it('ignores monthly reports for a member who need not report monthly', () => {
    expect(proposeGrade({ points: 60, reports: 0, inPersonMeetings: 2, reportRuleApplies: false }, DEFAULT_THRESHOLDS)).toBe('excellent');
  });

  it('without a meeting in person in the year, the grade is at most basic', () => {
    expect(proposeGrade(mobile(90, 12, 0), DEFAULT_THRESHOLDS)).toBe('basic');
    expect(proposeGrade(mobile(5, 12, 0), DEFAULT_THRESHOLDS)).toBe('unqualified');
  });
});
