import { currentTenant } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, numeric, pgPolicy, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { claims } from './claims.ts';
import { staffScope, tasks } from './scope.ts';

export type CompletionDecision = 'approved' | 'rejected';

/**
 * A member's report that a claimed task is done, one row per submission: a rejected one is
 * answered by a new version (with the member's response), so the history stays. In the
 * task's county, like its claim, and visible exactly when the claim is. Members insert only
 * through `tasks.submit_completion` (completions/submit-completion.sql); the publisher's staff decide.
 */
export const completions = tasks
  .table(
    'completions',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      claimId: uuid('claim_id').notNull(),
      taskId: uuid('task_id').notNull(),
      memberTenantId: text('member_tenant_id').notNull(),
      userId: text('user_id').notNull(),
      /** The task's org path, for the reviewers' scope (re-pathed when the org moves). */
      taskOrgPath: text('task_org_path').notNull(),
      version: integer('version').notNull(),
      note: text('note'),
      /** The number achieved, in the task's unit (boxes, orders, jobs, yuan…). */
      amount: numeric('amount', { precision: 14, scale: 2, mode: 'number' }),
      /** evidence_photos ids (the member's uploads, in the member's county). */
      photoIds: uuid('photo_ids').array().notNull().default(sql`'{}'`),
      /** The member's answer to the previous version's rejection. */
      response: text('response'),
      submittedAt: timestamp('submitted_at', { withTimezone: true }).defaultNow().notNull(),
      decision: text('decision').$type<CompletionDecision>(),
      /** Why it was rejected; the member sees it. */
      reason: text('reason'),
      decidedBy: text('decided_by'),
      decidedAt: timestamp('decided_at', { withTimezone: true }),
      idempotencyKey: text('idempotency_key').notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      foreignKey({ columns: [t.tenantId, t.claimId], foreignColumns: [claims.tenantId, claims.id] }),
      uniqueIndex('completions_version').on(t.tenantId, t.claimId, t.version),
      uniqueIndex('completions_idempotency').on(t.tenantId, t.claimId, t.idempotencyKey),
      // Approved once per claim: what makes tasks.completion_approved exactly once.
      uniqueIndex('completions_approved_once').on(t.tenantId, t.claimId).where(sql`decision = 'approved'`),
      index('completions_undecided').on(t.tenantId, t.submittedAt).where(sql`decision is null`),
      index('completions_task').on(t.tenantId, t.taskId),
      index('completions_decided').on(t.tenantId, t.decidedAt).where(sql`decision = 'approved'`),
      check('completions_amount', sql`${t.amount} is null or ${t.amount} >= 0`),
      check('completions_decision', sql`${t.decision} is null or ${t.decision} in ('approved', 'rejected')`),
      check('completions_photos', sql`cardinality(${t.photoIds}) <= 6`),
      pgPolicy('completion_tenants', {
        as: 'restrictive',
        for: 'all',
        using: sql`tenant_id = ${currentTenant} or member_tenant_id = ${currentTenant}`,
        withCheck: sql`tenant_id = ${currentTenant}`,
      }),
      pgPolicy('completion_read', {
        as: 'permissive',
        for: 'select',
        using: sql`exists (select 1 from tasks.claims c where c.tenant_id = ${t.tenantId} and c.id = ${t.claimId})`,
      }),
      pgPolicy('completion_review', {
        as: 'permissive',
        for: 'update',
        using: sql`tenant_id = ${currentTenant} and ${staffScope(t.taskOrgPath)}`,
        withCheck: sql`tenant_id = ${currentTenant} and ${staffScope(t.taskOrgPath)}`,
      }),
    ],
  )
  .enableRLS();
