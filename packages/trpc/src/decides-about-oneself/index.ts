import { inOrgScope } from '@tongxin/db';
import { DomainError } from '@tongxin/errors';
import type { Caller } from '../trpc.ts';

/** The message every decision about oneself is refused with, so clients and tests can rely on it. */
export const DECIDES_ABOUT_ONESELF = 'Nobody decides about themself: the level above decides';

/** The message a decision about a secretary or deputy by someone not above their seat is refused with. */
export const LEVEL_ABOVE_DECIDES = 'A secretary or deputy is decided about by the level above: an organization above their seat, or the department';

/** Who decides: their user, the orgs they act for as secretary, and whether they act tenant-wide (the department). */
export interface Decider {
  userId: string;
  orgIds: readonly string[];
  tenantWide: boolean;
}

/** The decider an acting procedure's caller is: the department decides tenant-wide. */
export const deciderOf = (caller: Caller): Decider => ({ userId: caller.userId, orgIds: caller.orgIds, tenantWide: caller.department });

/**
 * A seat the subject holds or held (role `secretary`, any title): the org, its materialized
 * path (null when unknown) and when it ended (absent or null: held).
 */
export interface Seat {
  orgId: string;
  path: string | null;
  endedAt?: Date | null;
}

/**
 * How long a seat still counts after it ended. Without it a deputy stepped down, let the
 * secretary who appointed them decide about them as about any member, and was re-appointed
 * seconds later, at will (issue 13 C). 90 days: a quarter, longer than the monthly report and
 * points cycles, so the swap costs a visible quarter without the seat in identity's
 * appointment history; a former holder's routine decisions weigh on the level above no longer.
 */
export const SEAT_COOLING_OFF_MS = 90 * 24 * 60 * 60 * 1000;

/** True while the seat counts: held, or ended less than the cooling-off before `now` (an end in the future counts too). */
function counts(seat: Seat, now: Date): boolean {
  return seat.endedAt == null || now.getTime() - seat.endedAt.getTime() < SEAT_COOLING_OFF_MS;
}

/** The subject's seats, read from the service's own copy (`@tongxin/copies`' seats), never from input. */
export type SeatsOf = (userId: string) => Promise<readonly Seat[]>;

/** True when one of `orgIds` lies on the seat's path and is not the seat's own org: a strict ancestor. */
function above(orgIds: readonly string[], seat: Seat): boolean {
  return inOrgScope(seat.path, orgIds.filter((id) => id !== seat.orgId));
}

/**
 * The rule (issue 13 C), as a value: the message of the refusal, or null when the caller may
 * decide. Nobody decides about themself; a subject who holds seats, or held one less than
 * `SEAT_COOLING_OFF_MS` ago, is decided about only by the department or by someone holding a
 * seat strictly above every one of them, so a secretary and the deputy they appointed (same
 * org), or secretaries of sibling orgs, cannot decide about each other, nor after a brief step
 * down. A seat whose org path is unknown is left to the department. `now`: the real time,
 * which the copy's `ended_at` (the event's time) is compared with; tests pass another.
 */
export function levelAboveRefusal(caller: Decider, subject: { userId: string | null | undefined; seats: readonly Seat[] }, now: Date = new Date()): string | null {
  if (subject.userId != null && subject.userId === caller.userId) return DECIDES_ABOUT_ONESELF;
  if (caller.tenantWide) return null;
  return subject.seats.every((seat) => !counts(seat, now) || above(caller.orgIds, seat)) ? null : LEVEL_ABOVE_DECIDES;
}

/**
 * The one check every decision about a member runs (points corrections, suggestions,
 * evaluation, report acknowledgement, check-in decisions, transfers, attendance, completion
 * review): FORBIDDEN unless the caller is the level above the subject. `subjectUserId` is read
 * from the service's own record of the member; a member without an account holds no seat.
 * Seats of a member of another county are not visible in the caller's county (RLS): there
 * only "not oneself" applies, since no one there holds a seat the member could have given.
 */
export async function refuseUnlessLevelAbove(caller: Decider, subjectUserId: string | null | undefined, seatsOf: SeatsOf, now: Date = new Date()): Promise<void> {
  const seats = subjectUserId == null ? [] : await seatsOf(subjectUserId);
  const message = levelAboveRefusal(caller, { userId: subjectUserId, seats }, now);
  if (message) throw new DomainError(message === DECIDES_ABOUT_ONESELF ? 'decides_about_oneself' : 'level_above_decides', { message });
}
