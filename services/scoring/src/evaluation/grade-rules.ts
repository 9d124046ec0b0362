import { GRADED, type Thresholds } from '../rules/activity-rules.ts';
import type { Grade } from '../schema.ts';

export const GRADES = ['excellent', 'qualified', 'basic', 'unqualified'] as const satisfies readonly Grade[];

/** Members who must report monthly (brief: mobile members report to the home branch every month). */
export const REPORTING_STATUSES = ['mobile', 'lost_contact'];

export interface GradeBasis {
  points: number;
  reports: number;
  inPersonMeetings: number;
  reportRuleApplies: boolean;
}

/**
 * The proposal (优秀 / 合格 / 基本合格 / 不合格): the best grade whose yearly points the member
 * reached and, for a member who must report monthly, whose number of monthly reports. The
 * brief's "at least one meeting in person a year": without one, at most 基本合格 (basic).
 */
export function proposeGrade(basis: GradeBasis, thresholds: Thresholds): Grade {
  const reached = GRADED.find(
    (grade) => basis.points >= thresholds[grade].points && (!basis.reportRuleApplies || basis.reports >= thresholds[grade].reports),
  );
  const grade: Grade = reached ?? 'unqualified';
  if (basis.inPersonMeetings === 0 && (grade === 'excellent' || grade === 'qualified')) return 'basic';
  return grade;
}
