import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgPolicy, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantPolicy } from '@tongxin/db';
import { memberManaged, memberRowPolicies, memberVisible, scoring } from './scope.ts';

export type Grade = 'excellent' | 'qualified' | 'basic' | 'unqualified';

/** Why there is no proposal: the branch decides (issue 17: never 不合格 by default). */
export type NoProposal = 'not_enough_record' | 'requirements_not_met';

/** What a proposal was made from; the fields after `thresholds` are absent on proposals made before issue 17. */
export interface EvaluationBasis {
  points: number;
  reports: number;
  inPersonMeetings: number;
  /** The monthly-report threshold applies to mobile and lost-contact members only. */
  reportRuleApplies: boolean;
  status: string;
  thresholds: Record<Exclude<Grade, 'unqualified'>, { points: number; reports: number }>;
  /** Months of the year a report could be asked for so far (the year's, or up to this month). */
  reportsRequired?: number;
  /** Organizational life attended: in person, online, or reported instead (视同参会). */
  meetingsAttended?: number;
  tasksClaimed?: number;
  tasksCompleted?: number;
  /** Whether the county counts points in the proposal (thresholds.points_count). */
  pointsCount?: boolean;
  noProposal?: NoProposal | null;
}

const grades = sql.raw(`('excellent', 'qualified', 'basic', 'unqualified')`);

/** The annual evaluation of one member: the proposal from the rules, and the branch's decision. */
export const evaluations = scoring
  .table(
    'evaluations',
    {
      tenantId: text('tenant_id').notNull(),
      year: integer('year').notNull(),
      memberId: uuid('member_id').notNull(),
      /** Null: no proposal, the branch decides (basis.noProposal says why). */
      proposedGrade: text('proposed_grade').$type<Grade>(),
      basis: jsonb('basis').$type<EvaluationBasis>().notNull(),
      proposedBy: text('proposed_by').notNull(),
      proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
      finalGrade: text('final_grade').$type<Grade>(),
      /** Why the branch chose another grade than the proposal. */
      reason: text('reason'),
      confirmedBy: text('confirmed_by'),
      confirmedByName: text('confirmed_by_name'),
      confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
      /** The year's December ('YYYY-12'): the month whose rollup keeps the year's evaluation, marked by the trigger whenever it changes (issue 15). */
      closingMonth: text('closing_month').generatedAlwaysAs(sql`("year"::text || '-12')`),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.year, t.memberId] }),
      check('evaluations_grades', sql`${t.proposedGrade} in ${grades} and (${t.finalGrade} is null or ${t.finalGrade} in ${grades})`),
      tenantPolicy('restrictive'),
      pgPolicy('member_visible', { as: 'permissive', for: 'select', using: memberVisible(t.tenantId, t.memberId) }),
      pgPolicy('member_managed', { as: 'permissive', for: 'insert', withCheck: memberManaged(t.tenantId, t.memberId) }),
      pgPolicy('member_managed_update', {
        as: 'permissive',
        for: 'update',
        using: memberManaged(t.tenantId, t.memberId),
        withCheck: memberManaged(t.tenantId, t.memberId),
      }),
    ],
  )
  .enableRLS();

/** Every proposal that changed and every confirmation or override, kept. Append-only (trigger). */
export const evaluationChanges = scoring
  .table(
    'evaluation_changes',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      year: integer('year').notNull(),
      memberId: uuid('member_id').notNull(),
      action: text('action').$type<'proposed' | 'confirmed'>().notNull(),
      proposedGrade: text('proposed_grade').$type<Grade>(),
      finalGrade: text('final_grade').$type<Grade>(),
      basis: jsonb('basis').$type<EvaluationBasis>(),
      reason: text('reason'),
      by: text('by').notNull(),
      byName: text('by_name'),
      at: timestamp('at', { withTimezone: true }).notNull(),
    },
    (t) => [primaryKey({ columns: [t.tenantId, t.id] }), ...memberRowPolicies(t)],
  )
  .enableRLS();
