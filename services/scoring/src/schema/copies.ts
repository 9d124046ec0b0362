import { copyTables, type Copies, type OrgPaths } from '@tongxin/copies';
import { scoring } from './scope.ts';

// Roster's members and orgs and the check-ins whose grant stands, as scoring learns them from
// events (no service reads another's tables). Rankings and scopes read these.
const copies: Copies = copyTables(scoring);
export const members = copies.members;
export const orgs = copies.orgs;
export const checkins = copies.checkins;
/** Identity's secretary seats: who is the level above whom (issue 13 C). */
export const seats = copies.seats;
/** Where a seat's org path is read (the level above: `refuseUnlessLevelAbove`). */
export const orgPaths: OrgPaths = { table: orgs, tenantId: orgs.tenantId, orgId: orgs.orgId, path: orgs.path };
