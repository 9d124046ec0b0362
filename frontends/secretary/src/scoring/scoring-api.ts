import { scoring } from '@tongxin/api-client';

// The scoring service's procedures the secretary view calls, and their types inferred from
// its AppRouter. The vocabularies are repeated here and checked against the router's types.

export const scoringApi = scoring;

export type PeriodInput = Pick<Parameters<typeof scoring.points.members.query>[0], 'year' | 'month' | 'quarter'>;
export type MemberPoints = Awaited<ReturnType<typeof scoring.points.members.query>>[number];
export type PointsEntry = Awaited<ReturnType<typeof scoring.points.entries.query>>[number];
export type OrgRanking = Awaited<ReturnType<typeof scoring.rankings.orgs.query>>[number];
export type RankingLevel = Parameters<typeof scoring.rankings.orgs.query>[0]['level'];
export type RulesList = Awaited<ReturnType<typeof scoring.rules.list.query>>;
export type Rule = RulesList['rules'][number];
export type Thresholds = RulesList['thresholds'];
export type ActivityKind = Rule['kind'];
export type RuleChange = Awaited<ReturnType<typeof scoring.rules.history.query>>[number];
export type Proposal = Awaited<ReturnType<typeof scoring.evaluation.list.query>>[number];
export type Grade = Parameters<typeof scoring.evaluation.confirm.mutate>[0]['grade'];

export const ACTIVITY_KINDS = [
  'monthly_report', 'checkin', 'meeting_in_person', 'meeting_online', 'meeting_reported', 'suggestion_adopted', 'task_claimed', 'task_completed',
] as const satisfies readonly ActivityKind[];
export const GRADES = ['excellent', 'qualified', 'basic', 'unqualified'] as const satisfies readonly Grade[];
export const RANKING_LEVELS = ['branch', 'township', 'flow_org'] as const satisfies readonly RankingLevel[];
