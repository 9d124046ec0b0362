import { outboxTable, processedEventsTable } from '@tongxin/db';
import { identity } from './schema/scope.ts';

// Identity's tables, one file per part (drizzle.config.ts reads this file and what it exports).
export { identity, operatorScope } from './schema/scope.ts';
export * from './schema/tenants.ts';
export * from './schema/accounts.ts';
export * from './schema/people.ts';
export * from './schema/onboarding.ts';
export * from './schema/messages.ts';
export * from './schema/city-grants.ts';

export const outbox = outboxTable(identity);
/** Roster's events identity applies (its copies of people and orgs). */
export const processedEvents = processedEventsTable(identity);
