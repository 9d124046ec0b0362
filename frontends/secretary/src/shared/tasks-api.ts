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

export { PHOTO_RULES, STUDY_FORMATS, TARGET_UNITS, TASK_KINDS, VISIBILITIES } from '@tongxin/ledger';
