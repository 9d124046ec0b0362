// What earns points (brief, 双报一领 and burden rules): real participation a branch records or
// verifies — a monthly report, a check-in, a meeting (视同参会 included), an adopted
// suggestion, a claimed or completed task. Never logins, time in the app, views or likes.

export const ACTIVITY_KINDS = [
  'monthly_report',
  'checkin',
  'meeting_in_person',
  'meeting_online',
  'meeting_reported',
  'suggestion_adopted',
  'task_claimed',
  'task_completed',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export interface Rule {
  /** Points per activity; null for task_completed: the points the task promised. */
  points: number | null;
  /** Most points of this kind a member earns in one China calendar month; null: no cap. */
  monthlyCap: number | null;
}

/** The defaults of issue 7, until a county's department changes them. */
export const DEFAULT_RULES: Record<ActivityKind, Rule> = {
  monthly_report: { points: 5, monthlyCap: 5 },
  checkin: { points: 10, monthlyCap: 10 },
  meeting_in_person: { points: 5, monthlyCap: 10 },
  meeting_online: { points: 3, monthlyCap: 6 },
  meeting_reported: { points: 3, monthlyCap: 6 },
  suggestion_adopted: { points: 5, monthlyCap: 10 },
  task_claimed: { points: 1, monthlyCap: 5 },
  task_completed: { points: null, monthlyCap: 60 },
};

export const GRADED = ['excellent', 'qualified', 'basic'] as const;
/** Yearly points and monthly reports per grade, and whether points count in the proposal at all (issue 17: the county's choice). */
export type Thresholds = Record<(typeof GRADED)[number], { points: number; reports: number }> & { pointsCount: boolean };

/** Yearly points and monthly reports for each grade (优秀 / 合格 / 基本合格). */
export const DEFAULT_THRESHOLDS: Thresholds = {
  excellent: { points: 60, reports: 10 },
  qualified: { points: 30, reports: 8 },
  basic: { points: 10, reports: 4 },
  pointsCount: false,
};
