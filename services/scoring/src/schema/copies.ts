import { copyTables, type Copies } from '@tongxin/copies';
import { scoring } from './scope.ts';

// Roster's members and orgs and the check-ins whose grant stands, as scoring learns them from
// events (no service reads another's tables). Rankings and scopes read these.
const copies: Copies = copyTables(scoring);
export const members = copies.members;
export const orgs = copies.orgs;
export const checkins = copies.checkins;
