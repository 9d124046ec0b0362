import { currentTenant, currentUser } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, jsonb, pgPolicy, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { CLAIM_STATUSES, sqlList, staffScope, tasks, type ClaimStatus, type Evidence, type TargetUnit, type TaskKind } from './scope.ts';
import { publishedTasks } from './tasks.ts';

/**
 * A member's claim of a task. The row belongs to the TASK's county (tenant_id) and names the
 * member's county (member_tenant_id): a flow organization's task is claimed by members
 * checked in from another county. Both counties read it, each within its scope: the
 * publisher's staff by the task's org path, the member and their home staff through the
 * member copy. It keeps what the member was promised when claiming (points, deadline,
 * evidence, target), whatever later edits of the task say (issue 7).
 *
 * Members never write here directly: claiming, withdrawing and submitting go through the
 * SECURITY DEFINER functions take_place, release_place (claims/*.sql) and submit_completion (completions/),
 * which check who calls and keep the place counter and the events in step. Staff update a
 * claim's status when reviewing, in their own county only.
 */
export const claims = tasks
  .table(
    'claims',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      taskId: uuid('task_id').notNull(),
      memberTenantId: text('member_tenant_id').notNull(),
      memberId: uuid('member_id').notNull(),
      userId: text('user_id').notNull(),
      /** So the publisher sees who claimed, also a member of another county. */
      memberName: text('member_name').notNull(),
      /** The task's version when claimed: a later edit shows as "task changed". */
      taskVersion: integer('task_version').notNull(),
      taskKind: text('task_kind').$type<TaskKind>().notNull(),
      taskTitle: text('task_title').notNull(),
      taskOrgId: uuid('task_org_id').notNull(),
      taskOrgPath: text('task_org_path').notNull(),
      taskOrgName: text('task_org_name').notNull(),
      // What was promised at the claim.
      points: integer('points').notNull(),
      deadline: timestamp('deadline', { withTimezone: true }).notNull(),
      evidence: jsonb('evidence').$type<Evidence>().notNull(),
      targetAmount: integer('target_amount'),
      targetUnit: text('target_unit').$type<TargetUnit>(),
      status: text('status').$type<ClaimStatus>().notNull().default('active'),
      claimedAt: timestamp('claimed_at', { withTimezone: true }).defaultNow().notNull(),
      withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
      updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
      idempotencyKey: text('idempotency_key').notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      foreignKey({ columns: [t.tenantId, t.taskId], foreignColumns: [publishedTasks.tenantId, publishedTasks.id] }),
      uniqueIndex('claims_idempotency').on(t.tenantId, t.taskId, t.memberTenantId, t.memberId, t.idempotencyKey),
      // One claim holding a place per member and task: a second claim answers with the first.
      uniqueIndex('claims_one_per_member').on(t.tenantId, t.taskId, t.memberTenantId, t.memberId).where(sql`status <> 'withdrawn'`),
      index('claims_member').on(t.memberTenantId, t.userId),
      index('claims_task').on(t.tenantId, t.taskId, t.status),
      // The month's claims, for the rollups (issue 15).
      index('claims_claimed').on(t.tenantId, t.claimedAt),
      check('claims_status', sql`${t.status} in (${sqlList(CLAIM_STATUSES)})`),
      pgPolicy('claim_tenants', {
        as: 'restrictive',
        for: 'all',
        using: sql`tenant_id = ${currentTenant} or member_tenant_id = ${currentTenant}`,
        withCheck: sql`tenant_id = ${currentTenant}`,
      }),
      pgPolicy('claim_read', {
        as: 'permissive',
        for: 'select',
        using: sql`(tenant_id = ${currentTenant} and ${staffScope(t.taskOrgPath)})
          or (member_tenant_id = ${currentTenant} and (${t.userId} = ${currentUser}
            or exists (select 1 from tasks.members m where m.tenant_id = ${t.memberTenantId} and m.member_id = ${t.memberId})))`,
      }),
      pgPolicy('claim_review', {
        as: 'permissive',
        for: 'update',
        using: sql`tenant_id = ${currentTenant} and ${staffScope(t.taskOrgPath)}`,
        withCheck: sql`tenant_id = ${currentTenant} and ${staffScope(t.taskOrgPath)}`,
      }),
    ],
  )
  .enableRLS();
