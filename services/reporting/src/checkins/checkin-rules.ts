import { TOPICS } from '@tongxin/events';
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

// The check-in events; their payloads are @tongxin/events'. Accepted is recorded in the
// ACCEPTING county (roster writes the grant in the member's from it); ended by whichever
// county ended it; decided for the member's inbox.
export const CHECKIN_ACCEPTED = TOPICS.reporting.checkinAccepted;
export const CHECKIN_ENDED = TOPICS.reporting.checkinEnded;
export const CHECKIN_DECIDED = TOPICS.reporting.checkinDecided;
export type { CheckinAccepted, CheckinDecided, CheckinDecision, CheckinEnded } from '@tongxin/events';
