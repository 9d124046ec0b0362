import { TRPCError } from '@trpc/server';

/** The message every decision about oneself is refused with, so clients and tests can rely on it. */
export const DECIDES_ABOUT_ONESELF = 'Nobody decides about themself: the level above decides';

/** True when the caller would decide about their own record (a secretary who is also a member). */
export const decidesAboutOneself = (callerUserId: string, subjectUserId: string | null | undefined): boolean =>
  subjectUserId != null && subjectUserId === callerUserId;

/**
 * Nobody decides about themself: a secretary who is also a member does not correct their own
 * points, adopt their own suggestion, confirm their own grade, acknowledge their own report,
 * decide their own check-in or transfer, or record their own attendance. The level above (the
 * township, the department) decides. `subjectUserId` is read from the service's own copy of
 * the member, never from input; a member with no account (null) is never the caller.
 */
export function refuseDecidingAboutOneself(callerUserId: string, subjectUserId: string | null | undefined): void {
  if (decidesAboutOneself(callerUserId, subjectUserId)) throw new TRPCError({ code: 'FORBIDDEN', message: DECIDES_ABOUT_ONESELF });
}
