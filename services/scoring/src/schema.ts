// Scoring's tables, one file per part (drizzle.config.ts reads this file and what it exports).
export { scoring } from './schema/scope.ts';
export * from './schema/copies.ts';
export * from './schema/events.ts';
export * from './schema/ledger.ts';
export * from './schema/rules.ts';
export * from './schema/evaluations.ts';
export * from './schema/rollups.ts';
