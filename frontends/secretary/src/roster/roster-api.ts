import { roster } from '@tongxin/api-client';

// Output types of the roster procedures this view shows, inferred from the service's AppRouter.
export type MemberList = Awaited<ReturnType<typeof roster.members.list.query>>;
export type MemberListItem = MemberList['items'][number];
export type MemberRecord = Awaited<ReturnType<typeof roster.members.get.query>>;
export type HistoryEntry = Awaited<ReturnType<typeof roster.ledger.history.query>>[number];
export type OrgNode = Awaited<ReturnType<typeof roster.orgs.tree.query>>[number];
export type Staleness = Awaited<ReturnType<typeof roster.members.staleness.query>>;
export type ContactAttempts = Awaited<ReturnType<typeof roster.mobility.contactAttempts.query>>;

export const PAGE_SIZE = 20;
