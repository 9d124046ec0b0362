export { app } from './app.ts';
export type { AppRouter } from './router.ts';
export { migrations } from './migrations.ts';
export * as tasksSchema from './schema.ts';
export { applyCopyEventToTasks } from './copies/apply-copy-event.ts';
export { removeUnattachedPhotos } from './evidence/remove-unattached-photos.ts';
export { TASKS_TOPICS, type TaskClaimed, type TaskClaimWithdrawn, type TaskCompletionApproved, type TaskCompletionRejected } from './events.ts';
export { tasksRollups } from './rollups/rollup-spec.ts';
export { applyCityGrantToTasks } from './copies/apply-city-grant-event.ts';
