import { reporting } from '@tongxin/api-client';

// Output types of the check-in procedures, inferred from reporting's AppRouter.
export type InboxCheckin = Awaited<ReturnType<typeof reporting.checkins.inbox.query>>[number];
export type HomeCheckin = Awaited<ReturnType<typeof reporting.checkins.forHome.query>>[number];
export type CheckinStatus = InboxCheckin['status'];
export type Decision = 'accept' | 'refuse' | 'return';

export const CHECKIN_STATUSES = ['pending', 'returned', 'accepted', 'refused', 'ended', 'withdrawn'] as const;
/** Open check-ins: the destination may still decide or end them. */
export const isOpen = (status: string) => status === 'pending' || status === 'returned' || status === 'accepted';
