import { outboxTable, processedEventsTable } from '@tongxin/db';
import { reporting } from './schema/scope.ts';

// Reporting's tables, one file per part (drizzle.config.ts reads this file and what it exports).
export { reporting } from './schema/scope.ts';
export * from './schema/members.ts';
export * from './schema/monthly-reports.ts';
export * from './schema/checkins.ts';
export * from './schema/meetings.ts';
export * from './schema/suggestions.ts';
export * from './schema/inbox.ts';

export const outbox = outboxTable(reporting);
/** Events reporting consumes (roster's member changes). */
export const processedEvents = processedEventsTable(reporting);
