import { currentTenant } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, jsonb, pgPolicy, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sqlList, staffScope, tasks, TASK_KINDS, TASK_STATUSES, TARGET_UNITS, VISIBILITIES, type Evidence, type StudyMaterial, type TargetUnit, type TaskKind, type TaskStatus, type Visibility } from './scope.ts';

/**
 * A task a publisher org puts out for members to claim (brief, 一领): draft → published →
 * closed. `claimed_count` counts the claims holding a place (every status but withdrawn);
 * the check keeps it within the quota whatever the concurrency (issue 7: no oversell).
 */
export const publishedTasks = tasks
  .table(
    'tasks',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      /** roster's org id of the publisher (branch, township, department or flow organization). */
      orgId: uuid('org_id').notNull(),
      /** The publisher's materialized path, for the staff scope; re-pathed when the org moves. */
      orgPath: text('org_path').notNull(),
      /** The publisher's name when published: what a member of another county sees. */
      orgName: text('org_name').notNull(),
      kind: text('kind').$type<TaskKind>().notNull(),
      title: text('title').notNull(),
      description: text('description').notNull(),
      targetAmount: integer('target_amount'),
      targetUnit: text('target_unit').$type<TargetUnit>(),
      /** Claimants allowed; null is unlimited. */
      quota: integer('quota'),
      claimedCount: integer('claimed_count').notNull().default(0),
      deadline: timestamp('deadline', { withTimezone: true }).notNull(),
      visibility: text('visibility').$type<Visibility>().notNull(),
      /** Where the task is done (a destination city), or null for anywhere. */
      city: text('city'),
      evidence: jsonb('evidence').$type<Evidence>().notNull(),
      study: jsonb('study').$type<StudyMaterial>(),
      /** Points a verified completion earns; a study task's are 0 (study is recorded, never scored: issue 17). */
      points: integer('points').notNull(),
      status: text('status').$type<TaskStatus>().notNull().default('published'),
      /** Bumped by every edit; each version is kept in task_versions. */
      version: integer('version').notNull().default(1),
      publishedBy: text('published_by').notNull(),
      /** When it went out to members; null while a draft. */
      publishedAt: timestamp('published_at', { withTimezone: true }).defaultNow(),
      createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
      updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
      closedAt: timestamp('closed_at', { withTimezone: true }),
      idempotencyKey: text('idempotency_key').notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      uniqueIndex('tasks_idempotency').on(t.tenantId, t.idempotencyKey),
      index('tasks_open').on(t.tenantId, t.status, t.deadline),
      index('tasks_org_path').using('btree', t.tenantId, sql`${t.orgPath} text_pattern_ops`),
      check('tasks_points_range', sql`(${t.kind} = 'study' and ${t.points} = 0) or (${t.kind} <> 'study' and ${t.points} between 1 and 100)`),
      check('tasks_kind', sql`${t.kind} in (${sqlList(TASK_KINDS)})`),
      check('tasks_visibility', sql`${t.visibility} in (${sqlList(VISIBILITIES)})`),
      check('tasks_status', sql`${t.status} in (${sqlList(TASK_STATUSES)})`),
      check('tasks_target', sql`(${t.targetAmount} is null) = (${t.targetUnit} is null) and (${t.targetAmount} is null or ${t.targetAmount} > 0) and (${t.targetUnit} is null or ${t.targetUnit} in (${sqlList(TARGET_UNITS)}))`),
      check('tasks_quota', sql`${t.quota} is null or ${t.quota} >= 1`),
      check('tasks_claimed_within_quota', sql`${t.claimedCount} >= 0 and (${t.quota} is null or ${t.claimedCount} <= ${t.quota})`),
      // Only a flow organization's tasks ever reach another county (its checked-in members);
      // every write stays in the task's own county.
      pgPolicy('tenant_isolation', {
        as: 'restrictive',
        for: 'all',
        using: sql`tenant_id = ${currentTenant} or ${t.visibility} = 'flow_org'`,
        withCheck: sql`tenant_id = ${currentTenant}`,
      }),
      // The publisher's secretaries (any ancestor org) and the department read and change it.
      pgPolicy('task_staff', { as: 'permissive', for: 'all', using: sql`tenant_id = ${currentTenant} and ${staffScope(t.orgPath)}` }),
      // Members read the published and closed tasks that reach them (tasks/member-sees-task.sql).
      pgPolicy('task_member_read', {
        as: 'permissive',
        for: 'select',
        using: sql`${t.status} <> 'draft' and tasks.member_sees_task(tenant_id, ${t.orgId}, ${t.visibility})`,
      }),
    ],
  )
  .enableRLS();

/** Every version of a task's terms, so an edit never silently rewrites what was promised. */
export const taskVersions = tasks
  .table(
    'task_versions',
    {
      tenantId: text('tenant_id').notNull(),
      taskId: uuid('task_id').notNull(),
      version: integer('version').notNull(),
      /** The terms of this version: kind, title, description, target, quota, deadline, city, evidence, points, study. */
      terms: jsonb('terms').notNull(),
      changedBy: text('changed_by').notNull(),
      changedAt: timestamp('changed_at', { withTimezone: true }).defaultNow().notNull(),
      /** The edit's key (tasks.update), so a retried edit is not a second version. */
      idempotencyKey: text('idempotency_key'),
      /** Why Tongxin itself changed the terms (changed_by 'system'), a code the publisher's view words: 'study_no_points'. */
      note: text('note'),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.taskId, t.version] }),
      foreignKey({ columns: [t.tenantId, t.taskId], foreignColumns: [publishedTasks.tenantId, publishedTasks.id] }),
      uniqueIndex('task_versions_idempotency').on(t.tenantId, t.taskId, t.idempotencyKey),
      pgPolicy('tenant_isolation', { as: 'restrictive', for: 'all', using: sql`tenant_id = ${currentTenant}`, withCheck: sql`tenant_id = ${currentTenant}` }),
      pgPolicy('task_version_staff', {
        as: 'permissive',
        for: 'all',
        using: sql`exists (select 1 from tasks.tasks x where x.tenant_id = ${t.tenantId} and x.id = ${t.taskId} and ${staffScope(sql`x.org_path`)})`,
      }),
    ],
  )
  .enableRLS();
