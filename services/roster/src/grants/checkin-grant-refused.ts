import { TOPICS } from '@tongxin/events';

/** Recorded in the MEMBER's county when an accepted check-in gets no grant; reporting refuses the check-in from it. */
export const CHECKIN_GRANT_REFUSED = TOPICS.roster.checkinGrantRefused;

/**
 * Recorded in the MEMBER's county when the grant is written, and when it is revoked: the
 * state other services' copies of a check-in follow (@tongxin/copies). A check-in the
 * destination accepted but roster refused never had a grant, so it is never copied
 * (issue 13: copies are written from a state that holds, not from a request for it).
 */
export const CHECKIN_GRANTED = TOPICS.roster.checkinGranted;
export const CHECKIN_GRANT_REVOKED = TOPICS.roster.checkinGrantRevoked;
