import { outboxTable, processedEventsTable } from '@tongxin/db';
import { roster } from './schema/scope.ts';

// Roster's tables, one file per part (drizzle.config.ts reads this file and what it exports).
export { roster } from './schema/scope.ts';
export * from './schema/orgs.ts';
export * from './schema/members.ts';
export * from './schema/mobility.ts';
export * from './schema/transfers.ts';
export * from './schema/grants.ts';
export * from './schema/counties.ts';

export const outbox = outboxTable(roster);
/** Events roster itself consumes (a transfer accepted in another tenant closes the origin record). */
export const processedEvents = processedEventsTable(roster);
