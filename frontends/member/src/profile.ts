import type { roster } from '@tongxin/api-client';

/** The member's own record as `members.me` returns it. */
export type Profile = Awaited<ReturnType<typeof roster.members.me.query>>;
