import type { tasks } from '@tongxin/api-client';

// The tasks service's procedures the secretary view calls, and their types inferred from its
// AppRouter. The vocabularies are repeated here (a frontend imports a service's types only)
// and checked against the router's input types.

export type PublishTaskInput = Parameters<typeof tasks.tasks.publish.mutate>[0];
export type UpdateTaskInput = Parameters<typeof tasks.tasks.update.mutate>[0];
export type ManagedTask = Awaited<ReturnType<typeof tasks.tasks.manage.query>>[number];
export type TaskProgress = Awaited<ReturnType<typeof tasks.tasks.progress.query>>;
export type TaskClaim = TaskProgress['claims'][number];
export type Completion = NonNullable<TaskClaim['completion']>;
export type PendingCompletion = Awaited<ReturnType<typeof tasks.completions.pending.query>>[number];
export type OutcomeRow = Awaited<ReturnType<typeof tasks.outcomes.summary.query>>['rows'][number];

export type TaskKind = PublishTaskInput['kind'];
export type Target = NonNullable<PublishTaskInput['target']>;
export type TargetUnit = Target['unit'];
export type Visibility = NonNullable<PublishTaskInput['visibility']>;
export type Evidence = NonNullable<PublishTaskInput['evidence']>;
export type PhotoRule = Evidence['photo'];
export type StudyFormat = NonNullable<PublishTaskInput['study']>['format'];
export type TaskStatus = ManagedTask['status'];
export type ClaimStatus = TaskClaim['status'];

export const TASK_KINDS = ['sell_products', 'find_jobs', 'donation', 'promotion', 'study', 'volunteer', 'other'] as const satisfies readonly TaskKind[];
export const TARGET_UNITS = ['boxes', 'orders', 'jobs', 'yuan', 'people', 'items', 'hours'] as const satisfies readonly TargetUnit[];
export const VISIBILITIES = ['org', 'tenant_mobile', 'flow_org'] as const satisfies readonly Visibility[];
export const PHOTO_RULES = ['none', 'optional', 'required'] as const satisfies readonly PhotoRule[];
export const STUDY_FORMATS = ['text', 'pdf', 'link'] as const satisfies readonly StudyFormat[];
