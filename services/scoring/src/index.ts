export { app } from './app.ts';
export type { AppRouter } from './router.ts';
export { migrations } from './migrations.ts';
export * as scoringSchema from './schema.ts';
export { applyRosterEvent } from './events/apply-roster-event.ts';
