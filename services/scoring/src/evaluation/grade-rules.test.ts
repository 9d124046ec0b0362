import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../rules/activity-rules.ts';
import { monthsToReport, proposeGrade, type GradeBasis } from './grade-rules.ts';

const base: GradeBasis = {
  points: 0, reports: 0, inPersonMeetings: 0, meetingsAttended: 0, tasksClaimed: 0, tasksCompleted: 0, reportRuleApplies: true, reportsRequired: 12, pointsCount: false,
};
const mobile = (over: Partial<GradeBasis>) => ({ ...base, ...over });
const resident = (over: Partial<GradeBasis>) => ({ ...base, reportRuleApplies: false, ...over });
const grade = (basis: GradeBasis, thresholds = DEFAULT_THRESHOLDS) => proposeGrade(basis, thresholds);
const withPoints = { ...DEFAULT_THRESHOLDS, pointsCount: true };

describe('proposeGrade (issue 17: from what the rules ask, never 不合格)', () => {
  it('a mobile member who reports, attends in person and completes what they took: 合格, whatever the points', () => {
    expect(grade(mobile({ reports: 10, inPersonMeetings: 1, meetingsAttended: 3, tasksClaimed: 2, tasksCompleted: 1, points: 0 }))).toEqual({ grade: 'qualified', noProposal: null });
    expect(grade(mobile({ reports: 8, inPersonMeetings: 1, meetingsAttended: 1 }))).toEqual({ grade: 'qualified', noProposal: null });
  });

  it('partly met: reports at the basic threshold, or no meeting in person, or tasks taken and none completed: 基本合格', () => {
    expect(grade(mobile({ reports: 5, inPersonMeetings: 1, meetingsAttended: 1 })).grade).toBe('basic');
    expect(grade(mobile({ reports: 12, inPersonMeetings: 0, meetingsAttended: 4 })).grade).toBe('basic');
    expect(grade(mobile({ reports: 12, inPersonMeetings: 1, meetingsAttended: 1, tasksClaimed: 3, tasksCompleted: 0 })).grade).toBe('basic');
  });

  it('without a record to judge, or with the requirements not met: no proposal, the branch decides (never 不合格)', () => {
    expect(grade(mobile({}))).toEqual({ grade: null, noProposal: 'not_enough_record' });
    expect(grade(resident({ points: 200 }))).toEqual({ grade: null, noProposal: 'not_enough_record' });
    // One report this month and nothing else: below the basic threshold, yet not 不合格.
    expect(grade(mobile({ reports: 1, points: 5 }))).toEqual({ grade: null, noProposal: 'requirements_not_met' });
    for (const reports of [0, 1, 3, 8, 12]) {
      for (const inPersonMeetings of [0, 1]) {
        for (const pointsCount of [false, true]) {
          expect(grade(mobile({ reports, inPersonMeetings, meetingsAttended: inPersonMeetings, pointsCount }), pointsCount ? withPoints : DEFAULT_THRESHOLDS).grade).not.toBe('unqualified');
        }
      }
    }
  });

  it('a resident is judged on the organizational life recorded for them, monthly reports not required', () => {
    expect(grade(resident({ inPersonMeetings: 1, meetingsAttended: 6 })).grade).toBe('qualified');
    expect(grade(resident({ inPersonMeetings: 0, meetingsAttended: 2 })).grade).toBe('basic');
  });

  it('points count only where the county chooses: then 优秀 at its points, and points short of 合格 lower it, never below 基本合格', () => {
    const active = mobile({ reports: 11, inPersonMeetings: 2, meetingsAttended: 5, points: 80, pointsCount: true });
    expect(grade({ ...active, pointsCount: false }).grade).toBe('qualified');
    expect(grade(active, withPoints).grade).toBe('excellent');
    expect(grade({ ...active, points: 12 }, withPoints).grade).toBe('basic');
    expect(grade({ ...active, points: 0 }, withPoints).grade).toBe('basic');
  });

  it('the report thresholds count only the months that could be asked for so far', () => {
    expect(monthsToReport(2026, '2027-01')).toBe(12);
    expect(monthsToReport(2026, '2026-03')).toBe(3);
    expect(grade(mobile({ reports: 3, reportsRequired: 3, inPersonMeetings: 1, meetingsAttended: 1 })).grade).toBe('qualified');
  });
});
