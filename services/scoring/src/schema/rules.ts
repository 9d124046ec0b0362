import { sql } from 'drizzle-orm';
import { boolean, check, integer, jsonb, pgPolicy, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantPolicy, tenantWide } from '@tongxin/db';
import { scoring, settingsPolicies } from './scope.ts';

/** A county's rule for one activity kind, where it differs from the default (rules/activity-rules.ts). */
export const rules = scoring
  .table(
    'rules',
    {
      tenantId: text('tenant_id').notNull(),
      kind: text('kind').notNull(),
      /** null: the task's promised points (task_completed). */
      points: integer('points'),
      /** null: no monthly cap. */
      monthlyCap: integer('monthly_cap'),
      updatedBy: text('updated_by').notNull(),
      updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.kind] }),
      check('rules_points_range', sql`${t.points} between 0 and 100`),
      check('rules_cap_not_negative', sql`${t.monthlyCap} >= 0`),
      ...settingsPolicies(),
    ],
  )
  .enableRLS();

/** A county's evaluation thresholds: yearly points and monthly reports per grade. */
export const thresholds = scoring
  .table(
    'thresholds',
    {
      tenantId: text('tenant_id').notNull(),
      excellentPoints: integer('excellent_points').notNull(),
      excellentReports: integer('excellent_reports').notNull(),
      qualifiedPoints: integer('qualified_points').notNull(),
      qualifiedReports: integer('qualified_reports').notNull(),
      basicPoints: integer('basic_points').notNull(),
      basicReports: integer('basic_reports').notNull(),
      /** Whether yearly points count in the evaluation's proposal: the county's choice, off unless it chooses (issue 17). */
      pointsCount: boolean('points_count').notNull().default(false),
      updatedBy: text('updated_by').notNull(),
      updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
    },
    (t) => [primaryKey({ columns: [t.tenantId] }), ...settingsPolicies()],
  )
  .enableRLS();

/** Every change to a rule or the thresholds: who, when, before, after, why. Append-only (trigger). */
export const ruleChanges = scoring
  .table(
    'rule_changes',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      /** An activity kind, or `thresholds`. */
      subject: text('subject').notNull(),
      before: jsonb('before').notNull(),
      after: jsonb('after').notNull(),
      reason: text('reason').notNull(),
      changedBy: text('changed_by').notNull(),
      changedByName: text('changed_by_name'),
      changedAt: timestamp('changed_at', { withTimezone: true }).defaultNow().notNull(),
      idempotencyKey: text('idempotency_key').notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      uniqueIndex('rule_changes_idempotency').on(t.tenantId, t.idempotencyKey),
      tenantPolicy('restrictive'),
      pgPolicy('department_only', { as: 'permissive', for: 'all', using: tenantWide, withCheck: tenantWide }),
    ],
  )
  .enableRLS();
