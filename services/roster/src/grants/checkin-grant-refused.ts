/** Recorded in the MEMBER's county when an accepted check-in gets no grant; reporting refuses the check-in from it. */
export const CHECKIN_GRANT_REFUSED = 'roster.checkin_grant_refused';

/** Why the destination got no grant: it closed after the request, or it is not where the check-in said. */
export type GrantRefusalReason = 'org_closed' | 'path_mismatch';

export interface CheckinGrantRefused {
  checkinId: string;
  memberTenantId: string;
  reason: GrantRefusalReason;
}

/**
 * Recorded in the MEMBER's county when the grant is written, and when it is revoked: the
 * state other services' copies of a check-in follow (@tongxin/copies). A check-in the
 * destination accepted but roster refused never had a grant, so it is never copied
 * (issue 13: copies are written from a state that holds, not from a request for it).
 */
export const CHECKIN_GRANTED = 'roster.checkin_granted';
export const CHECKIN_GRANT_REVOKED = 'roster.checkin_grant_revoked';

export interface CheckinGranted {
  checkinId: string;
  memberTenantId: string;
  memberId: string;
  granteeTenantId: string;
  granteeOrgId: string;
  granteeOrgPath: string;
  grantedAt: string;
}

export interface CheckinGrantRevoked {
  checkinId: string;
  memberTenantId: string;
  memberId: string;
  revokedAt: string;
}
