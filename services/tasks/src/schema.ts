import { outboxTable, processedEventsTable } from '@tongxin/db';
import { copyTables, type OrgPaths } from '@tongxin/copies';
import { tasks } from './schema/scope.ts';

// Tasks' tables, one file per part (drizzle.config.ts reads this file and what it exports).
export { tasks } from './schema/scope.ts';
export * from './schema/tasks.ts';
export * from './schema/claims.ts';
export * from './schema/completions.ts';
export * from './schema/evidence.ts';
export * from './schema/rollups.ts';

export const outbox = outboxTable(tasks);
/** Events tasks consumes (roster's members and orgs, reporting's check-ins), once each. */
export const processedEvents = processedEventsTable(tasks);

// Copies of roster's members and orgs and of reporting's accepted check-ins (@tongxin/copies):
// who may see which task, publisher names, members checked in from another county.
const copies = copyTables(tasks);
export const members = copies.members;
export const orgs = copies.orgs;
export const checkins = copies.checkins;
/** Identity's secretary seats: who is the level above whom (issue 13 C). */
export const seats = copies.seats;
/** Where a seat's org path is read (the level above: `refuseUnlessLevelAbove`). */
export const orgPaths: OrgPaths = { table: orgs, tenantId: orgs.tenantId, orgId: orgs.orgId, path: orgs.path };
