import { and, eq, sql } from 'drizzle-orm';
import { orgs, publishedTasks } from '../schema.ts';
import type { ClaimStatus, Evidence, StudyMaterial, TargetUnit, TaskKind, TaskStatus, Visibility } from '../schema/scope.ts';

/** A task's columns as views show it, with the publisher's current name where this county has it. */
export const taskColumns = {
  tenantId: publishedTasks.tenantId,
  id: publishedTasks.id,
  orgId: publishedTasks.orgId,
  // Another county's org names are not in this county's copy: the name when published stands in.
  orgName: sql<string>`coalesce(${orgs.name}, ${publishedTasks.orgName})`,
  kind: publishedTasks.kind,
  title: publishedTasks.title,
  description: publishedTasks.description,
  targetAmount: publishedTasks.targetAmount,
  targetUnit: publishedTasks.targetUnit,
  quota: publishedTasks.quota,
  claimedCount: publishedTasks.claimedCount,
  deadline: publishedTasks.deadline,
  visibility: publishedTasks.visibility,
  city: publishedTasks.city,
  evidence: publishedTasks.evidence,
  points: publishedTasks.points,
  study: publishedTasks.study,
  status: publishedTasks.status,
  version: publishedTasks.version,
  publishedAt: publishedTasks.publishedAt,
};

/** The join that gives `taskColumns.orgName`. */
export const publisherJoin = and(eq(orgs.tenantId, publishedTasks.tenantId), eq(orgs.orgId, publishedTasks.orgId));

export interface TaskRow {
  tenantId: string;
  id: string;
  orgId: string;
  orgName: string;
  kind: TaskKind;
  title: string;
  description: string;
  targetAmount: number | null;
  targetUnit: TargetUnit | null;
  quota: number | null;
  claimedCount: number;
  deadline: Date;
  visibility: Visibility;
  city: string | null;
  evidence: Evidence;
  points: number;
  study: StudyMaterial | null;
  status: TaskStatus;
  version: number;
  publishedAt: Date | null;
}

export interface TaskView {
  tenantId: string;
  id: string;
  orgId: string;
  orgName: string;
  kind: TaskKind;
  title: string;
  description: string;
  target: { amount: number; unit: TargetUnit } | null;
  quota: number | null;
  /** Claims holding a place (every status but withdrawn). */
  claimed: number;
  full: boolean;
  /** ISO datetime. */
  deadline: string;
  visibility: Visibility;
  city: string | null;
  evidence: Evidence;
  points: number;
  study: StudyMaterial | null;
  status: TaskStatus;
  version: number;
  publishedAt: string | null;
}

export type MyClaim = { id: string; status: ClaimStatus } | null;

export function toTaskView(row: TaskRow): TaskView {
  return {
    tenantId: row.tenantId,
    id: row.id,
    orgId: row.orgId,
    orgName: row.orgName,
    kind: row.kind,
    title: row.title,
    description: row.description,
    target: row.targetAmount !== null && row.targetUnit !== null ? { amount: row.targetAmount, unit: row.targetUnit } : null,
    quota: row.quota,
    claimed: row.claimedCount,
    full: row.quota !== null && row.claimedCount >= row.quota,
    deadline: row.deadline.toISOString(),
    visibility: row.visibility,
    city: row.city,
    evidence: row.evidence,
    points: row.points,
    study: row.study,
    status: row.status,
    version: row.version,
    publishedAt: row.publishedAt?.toISOString() ?? null,
  };
}
