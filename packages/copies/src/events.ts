// The events the copies are kept from, as roster and reporting write them. Packages import
// no service, so the shapes are stated here; the services' own types must stay assignable.

/** `roster.member_created`. Events recorded before issue 7 lack `destinationCity`. */
export interface MemberCreated {
  memberId: string;
  userId: string | null;
  name: string;
  branchId: string;
  orgPath?: string;
  status?: string;
  destinationCity?: string | null;
  /** Since issue 12: the ledger's phone and the ID-tail digest (identity keeps them). */
  phone?: string | null;
  idTailDigest?: string | null;
}

/** `roster.member_updated`: the member after a change to a copied field. */
export interface MemberUpdated {
  memberId: string;
  userId: string | null;
  name: string;
  branchId: string;
  orgPath: string;
  status: string;
  destinationCity?: string | null;
  phone?: string | null;
  idTailDigest?: string | null;
  /** Who made the change (member, secretary, department, system), since issue 12. */
  changedBy?: string;
}

/** `roster.org_saved`: created, renamed or updated, or closed. */
export interface OrgSaved {
  orgId: string;
  kind: string;
  name: string;
  path: string;
  city: string | null;
  closedAt: string | null;
}

/** `roster.org_moved`: every copied path starting with `fromPath` now starts with `toPath`. */
export interface OrgMoved {
  orgId: string;
  fromPath: string;
  toPath: string;
}

/**
 * `roster.checkin_granted`, written in the member's county when roster writes the grant of an
 * accepted check-in: the state a copy of a check-in follows. A check-in the destination
 * accepted but roster refused (closed, or not where the directory says) has no grant and is
 * never copied (issue 13). `granteeOrgPath` is the directory's.
 */
export interface CheckinGranted {
  checkinId: string;
  memberTenantId: string;
  memberId: string;
  granteeTenantId: string;
  granteeOrgId: string;
  granteeOrgPath: string;
  grantedAt?: string;
}

/** `roster.checkin_grant_revoked`, in the member's county, after the grant's `roster.checkin_granted`. */
export interface CheckinGrantRevoked {
  checkinId: string;
  memberTenantId: string;
  memberId: string;
}

/** `reporting.checkin_ended`, written by whichever county ended it (a refusal after acceptance included). */
export interface CheckinEnded {
  checkinId: string;
  memberTenantId: string;
  memberId: string;
}

/**
 * `identity.seats_changed`, in the user's county, whenever their secretary seats (role
 * `secretary`, any title) change: the FULL current set of org ids they hold, so a consumer
 * replaces what it had and a redelivery changes nothing. Empty: no seat left.
 */
export interface SeatsChanged {
  userId: string;
  orgIds: string[];
}

export const COPY_TOPICS = {
  memberCreated: 'roster.member_created',
  memberUpdated: 'roster.member_updated',
  orgSaved: 'roster.org_saved',
  orgMoved: 'roster.org_moved',
  checkinGranted: 'roster.checkin_granted',
  checkinGrantRevoked: 'roster.checkin_grant_revoked',
  checkinEnded: 'reporting.checkin_ended',
  seatsChanged: 'identity.seats_changed',
} as const;
