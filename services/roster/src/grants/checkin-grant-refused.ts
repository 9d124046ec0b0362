/** Recorded in the MEMBER's county when an accepted check-in gets no grant; reporting refuses the check-in from it. */
export const CHECKIN_GRANT_REFUSED = 'roster.checkin_grant_refused';

/** Why the destination got no grant: it closed after the request, or it is not where the check-in said. */
export type GrantRefusalReason = 'org_closed' | 'path_mismatch';

export interface CheckinGrantRefused {
  checkinId: string;
  memberTenantId: string;
  reason: GrantRefusalReason;
}
