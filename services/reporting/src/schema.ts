import { seatContactCopyTable, seatCopyTable, type OrgPaths } from '@tongxin/copies';
import { outboxTable, processedEventsTable } from '@tongxin/db';
import { reporting } from './schema/scope.ts';
import { orgDirectory } from './schema/checkins.ts';

// Reporting's tables, one file per part (drizzle.config.ts reads this file and what it exports).
export { reporting } from './schema/scope.ts';
export * from './schema/members.ts';
export * from './schema/monthly-reports.ts';
export * from './schema/checkins.ts';
export * from './schema/meetings.ts';
export * from './schema/suggestions.ts';
export * from './schema/inbox.ts';
export * from './schema/rollups.ts';

export const outbox = outboxTable(reporting);
/** Events reporting consumes (roster's member changes). */
export const processedEvents = processedEventsTable(reporting);

/** Identity's secretary seats (@tongxin/copies), kept from `identity.seats_changed`: who is the level above whom (issue 13 C). */
export const seats = seatCopyTable(reporting);
/** How each seat holder is reached (@tongxin/copies, from the same event): the home secretary's contact a destination sees (issue 17). */
export const seatContacts = seatContactCopyTable(reporting);
/** Where a seat's org path is read: the directory of every county's orgs (roster's `org_saved`). */
export const orgPaths: OrgPaths = { table: orgDirectory, tenantId: orgDirectory.tenantId, orgId: orgDirectory.orgId, path: orgDirectory.path };
