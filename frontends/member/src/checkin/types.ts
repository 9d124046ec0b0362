import type { reporting, roster } from '@tongxin/api-client';

export type Checkin = Awaited<ReturnType<typeof reporting.checkins.mine.query>>[number];
export type DirectoryEntry = Awaited<ReturnType<typeof roster.orgs.directory.query>>[number];

/** Pending, returned for more information or accepted: at most one at a time. */
export const isOpen = (checkin: Checkin) => ['pending', 'returned', 'accepted'].includes(checkin.status);
