export { app } from './app.ts';
export type { AppRouter } from './router.ts';
export { migrations } from './migrations.ts';
export * as scoringSchema from './schema.ts';
export { applyEventToScoring } from './events/apply-event-to-scoring.ts';
export { applyCopyEventToScoring } from './events/apply-copy-event.ts';
export { SCORED_TOPICS } from './events/scored-activity.ts';
export { ACTIVITY_KINDS, DEFAULT_RULES, DEFAULT_THRESHOLDS, type ActivityKind } from './rules/activity-rules.ts';
export { scoringRollups } from './rollups/rollup-spec.ts';
