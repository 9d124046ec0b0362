import { sql, type SQL } from 'drizzle-orm';
import { roleAssignments, users } from '../schema.ts';

/**
 * An account is open while it holds a grant in its county. Closing it (a transfer out,
 * `people/apply-roster-event.ts`) takes every grant and session; an account with none is
 * closed, and whoever knows its password logs in no more, gets no reset code and sets no
 * password with a code sent before. Those paths answer as for wrong credentials, so a
 * stranger trying a phone learns neither that it was an account nor that the member moved;
 * the member has their account in the county they moved to.
 */
export const accountIsOpen: SQL<boolean> = sql<boolean>`exists (select 1 from ${roleAssignments}
  where ${roleAssignments.tenantId} = ${users.tenantId} and ${roleAssignments.userId} = ${users.id})`;
