import type { Tx } from '@tongxin/db';
import { and, desc, eq, sql } from 'drizzle-orm';
import { orgs, publishedTasks } from '../schema.ts';
import { staffScope, type TaskStatus } from '../schema/scope.ts';
import { publisherJoin, taskColumns, toTaskView, type TaskView } from './task-view.ts';

export interface TaskProgress {
  /** Claims holding a place. */
  claims: number;
  /** Completions waiting for review. */
  submitted: number;
  approved: number;
  /** Sum of the approved completions' numbers, in the target's unit. */
  achieved: number;
  /** The target's amount, or null without a target. */
  target: number | null;
}

const progressColumns = {
  claimsHeld: sql<number>`(select count(*) from tasks.claims c where c.tenant_id = ${publishedTasks.tenantId} and c.task_id = ${publishedTasks.id} and c.status <> 'withdrawn')`.mapWith(Number),
  submitted: sql<number>`(select count(*) from tasks.claims c where c.tenant_id = ${publishedTasks.tenantId} and c.task_id = ${publishedTasks.id} and c.status = 'submitted')`.mapWith(Number),
  approved: sql<number>`(select count(*) from tasks.claims c where c.tenant_id = ${publishedTasks.tenantId} and c.task_id = ${publishedTasks.id} and c.status = 'approved')`.mapWith(Number),
  achieved: sql<number>`(select coalesce(sum(x.amount), 0)::float8 from tasks.completions x where x.tenant_id = ${publishedTasks.tenantId} and x.task_id = ${publishedTasks.id} and x.decision = 'approved')`.mapWith(Number),
  /** What Tongxin itself last changed in the terms and why (a study task's points set to 0, issue 17), for the publisher. */
  systemNote: sql<string | null>`(select v.note from tasks.task_versions v where v.tenant_id = ${publishedTasks.tenantId} and v.task_id = ${publishedTasks.id} and v.note is not null order by v.version desc limit 1)`,
};

type ProgressRow = { claimsHeld: number; submitted: number; approved: number; achieved: number; targetAmount: number | null };
const toProgress = (row: ProgressRow): TaskProgress => ({ claims: row.claimsHeld, submitted: row.submitted, approved: row.approved, achieved: row.achieved, target: row.targetAmount });

/** Tasks published by orgs in the caller's subtree (the department: the county), newest first, with their progress. */
export async function listManagedTasks(tx: Tx, tenantId: string, status?: TaskStatus): Promise<(TaskView & { progress: TaskProgress; systemNote: string | null })[]> {
  const rows = await tx
    .select({ ...taskColumns, ...progressColumns })
    .from(publishedTasks)
    .leftJoin(orgs, publisherJoin)
    .where(and(eq(publishedTasks.tenantId, tenantId), staffScope(publishedTasks.orgPath), status ? eq(publishedTasks.status, status) : undefined))
    .orderBy(desc(publishedTasks.createdAt), desc(publishedTasks.id))
    .limit(500);
  return rows.map((row) => ({ ...toTaskView(row), progress: toProgress(row), systemNote: row.systemNote }));
}

/** One managed task with its progress, or null. */
export async function findManagedTaskView(tx: Tx, tenantId: string, taskId: string) {
  const [row] = await tx
    .select({ ...taskColumns, ...progressColumns })
    .from(publishedTasks)
    .leftJoin(orgs, publisherJoin)
    .where(and(eq(publishedTasks.tenantId, tenantId), eq(publishedTasks.id, taskId), staffScope(publishedTasks.orgPath)));
  return row ? { ...toTaskView(row), progress: toProgress(row), systemNote: row.systemNote } : null;
}
