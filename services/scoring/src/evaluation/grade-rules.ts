import { type GRADED, type Thresholds } from '../rules/activity-rules.ts';
import type { Grade, NoProposal } from '../schema.ts';

export const GRADES = ['excellent', 'qualified', 'basic', 'unqualified'] as const satisfies readonly Grade[];

/** Members who must report monthly (brief: mobile members report to the home branch every month). */
export const REPORTING_STATUSES = ['mobile', 'lost_contact'];

export interface GradeBasis {
  points: number;
  reports: number;
  inPersonMeetings: number;
  /** Organizational life attended: in person, online, or reported instead (视同参会). */
  meetingsAttended: number;
  tasksClaimed: number;
  tasksCompleted: number;
  reportRuleApplies: boolean;
  /** Months of the year a report could be asked for so far. */
  reportsRequired: number;
  /** The county counts points in the proposal (its choice; off by default). */
  pointsCount: boolean;
}

export type Proposal = { grade: Grade; noProposal: null } | { grade: null; noProposal: NoProposal };

/**
 * The proposal (issue 17, burden rules): from what the rules ask of the member, never from app
 * activity alone, and never 不合格 — that is the branch's democratic appraisal, which the
 * product only records.
 * - What the rules ask: the monthly reports where the member must report (mobile, lost
 *   contact), organizational life with at least one meeting in person a year, and the tasks
 *   the member took, completed. All met: 合格. Partly met (reports at the basic threshold;
 *   for a resident, organizational life attended): 基本合格.
 * - Points are an input only where the county chooses: then 优秀 is proposed for a member who
 *   meets everything and reaches its points and reports, and points short of a grade lower
 *   the proposal to the grade they reach, never below 基本合格.
 * - Without a record to judge (a resident with no organizational life recorded, a mobile
 *   member with no report, meeting or task) or with the requirements not met: no proposal,
 *   the branch decides.
 * Report thresholds count at most the months that could be asked for so far.
 */
export function proposeGrade(basis: GradeBasis, thresholds: Thresholds): Proposal {
  const hasRecord = basis.reportRuleApplies
    ? basis.reports > 0 || basis.meetingsAttended > 0 || basis.tasksClaimed > 0
    : basis.meetingsAttended > 0;
  if (!hasRecord) return { grade: null, noProposal: 'not_enough_record' };

  const reportsReach = (grade: (typeof GRADED)[number]) => !basis.reportRuleApplies || basis.reports >= Math.min(thresholds[grade].reports, basis.reportsRequired);
  const tasksDone = basis.tasksClaimed === 0 || basis.tasksCompleted > 0;
  const requirementsMet = reportsReach('qualified') && basis.inPersonMeetings > 0 && tasksDone;
  const partlyMet = basis.reportRuleApplies ? reportsReach('basic') : basis.meetingsAttended > 0;
  let grade: Grade | null = requirementsMet ? 'qualified' : partlyMet ? 'basic' : null;
  if (grade === null) return { grade: null, noProposal: 'requirements_not_met' };

  if (basis.pointsCount) {
    if (grade === 'qualified' && reportsReach('excellent') && basis.points >= thresholds.excellent.points) grade = 'excellent';
    else if (grade === 'qualified' && basis.points < thresholds.qualified.points) grade = 'basic';
  }
  return { grade, noProposal: null };
}

/** The months of `year` a monthly report could be asked for by `month` (`YYYY-MM`, China time): 12 for a past year. */
export function monthsToReport(year: number, month: string): number {
  const [nowYear, nowMonth] = month.split('-').map(Number) as [number, number];
  if (year < nowYear) return 12;
  if (year > nowYear) return 0;
  return nowMonth;
}
