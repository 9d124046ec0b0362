import { seatCopyTable, type OrgPaths } from '@tongxin/copies';
import { outboxTable, processedEventsTable } from '@tongxin/db';
import { roster } from './schema/scope.ts';
import { orgs } from './schema/orgs.ts';

// Roster's tables, one file per part (drizzle.config.ts reads this file and what it exports).
export { roster } from './schema/scope.ts';
export * from './schema/orgs.ts';
export * from './schema/members.ts';
export * from './schema/mobility.ts';
export * from './schema/mobility-requests.ts';
export * from './schema/transfers.ts';
export * from './schema/grants.ts';
export * from './schema/counties.ts';
export * from './schema/rollups.ts';
export * from './schema/certificates.ts';
export * from './schema/dues.ts';

export const outbox = outboxTable(roster);
/** Events roster itself consumes (a transfer accepted in another tenant closes the origin record). */
export const processedEvents = processedEventsTable(roster);

/** Identity's secretary seats (@tongxin/copies), kept from `identity.seats_changed`: who is the level above whom (issue 13 C). */
export const seats = seatCopyTable(roster);
/** Where a seat's org path is read: roster's own tree. */
export const orgPaths: OrgPaths = { table: orgs, tenantId: orgs.tenantId, orgId: orgs.id, path: orgs.path };
