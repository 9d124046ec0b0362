import type { LedgerField } from '@tongxin/ledger';
import type { CheckinStatus } from '../schema.ts';

/**
 * What a county may let a check-in grant (issue 12): the ledger fields about the member's life
 * at the destination. Never the personal record (ID card, birth date, home phone: those stay
 * with the home branch), nor the destination leader's name and contact (another person's
 * details) or when the member left home. Roster copies ledger fields only, whatever is asked.
 */
export const GRANTABLE_FIELDS = [
  'destinationProvince',
  'destinationCity',
  'employer',
  'occupation',
  'residentialAddress',
  'destinationPhone',
  'destinationOrgName',
] as const satisfies readonly LedgerField[];
export type GrantableField = (typeof GRANTABLE_FIELDS)[number];

/** A destination cannot place a member without knowing the city: every county's grant includes it. */
export const REQUIRED_GRANT_FIELD: GrantableField = 'destinationCity';

/**
 * What a destination organization needs to look after a member (issue 6, 报到): where they
 * live and work and how to reach them there. Used when the member's county chose nothing.
 */
export const DEFAULT_GRANT_FIELDS = ['destinationCity', 'employer', 'occupation', 'residentialAddress', 'destinationPhone'] as const satisfies readonly GrantableField[];

/** A member is checked in with at most one destination at a time (the `checkins_open` index). */
export const OPEN_STATUSES: readonly CheckinStatus[] = ['pending', 'returned', 'accepted'];

export const CHECKIN_ACCEPTED = 'reporting.checkin_accepted';
export const CHECKIN_ENDED = 'reporting.checkin_ended';
export const CHECKIN_DECIDED = 'reporting.checkin_decided';

/** Recorded in the ACCEPTING county's outbox; roster writes the grant in the member's county from it. */
export interface CheckinAccepted {
  checkinId: string;
  memberTenantId: string;
  memberId: string;
  granteeTenantId: string;
  granteeOrgId: string;
  granteeOrgPath: string;
  fields: string[];
  grantedBy: string;
  grantedAt: string;
}

/** Recorded by whichever county ended it; roster revokes the grant from it. */
export interface CheckinEnded {
  checkinId: string;
  memberTenantId: string;
  memberId: string;
  endedBy: string;
  endedAt: string;
}

export type CheckinDecision = 'accept' | 'refuse' | 'return';

/** Every decision, so the member's county can put it in the member's inbox. */
export interface CheckinDecided {
  checkinId: string;
  memberTenantId: string;
  userId: string;
  decision: CheckinDecision;
  reason: string | null;
  destOrgName: string;
  decidedAt: string;
}
