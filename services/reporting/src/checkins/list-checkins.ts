import type { Tx } from '@tongxin/db';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { checkins, members, type CheckinStatus } from '../schema.ts';
import { sideCondition } from './load-checkin.ts';

const columns = {
  id: checkins.id,
  memberId: checkins.memberId,
  destTenantId: checkins.destTenantId,
  destOrgId: checkins.destOrgId,
  destOrgName: checkins.destOrgName,
  note: checkins.note,
  status: checkins.status,
  reason: checkins.reason,
  grantFields: checkins.grantFields,
  createdAt: checkins.createdAt,
  decidedAt: checkins.decidedAt,
  endedAt: checkins.endedAt,
};

/**
 * The member's check-ins, newest first: the open one and the history. `reasonIsMine`: the
 * member ended it, so the reason is theirs (an ending writes the ender's reason), not the
 * destination's.
 */
export function listMyCheckins(tx: Tx, tenantId: string, userId: string) {
  return tx
    .select({ ...columns, reasonIsMine: sql<boolean>`coalesce(${checkins.endedBy} = ${checkins.userId}, false)` })
    .from(checkins)
    .where(and(eq(checkins.tenantId, tenantId), eq(checkins.userId, userId)))
    .orderBy(desc(checkins.createdAt), desc(checkins.id));
}

const withStatus = (condition: SQL, status: CheckinStatus | undefined) => (status ? and(condition, eq(checkins.status, status))! : condition);

/**
 * The home side: check-ins of members in the caller's scope, whatever their status, so the
 * home branch sees it all along (issue 6). With the member's name from reporting's copy.
 */
export function listHomeCheckins(tx: Tx, tenantId: string, orgIds: readonly string[] | null, status?: CheckinStatus) {
  return tx
    .select({ ...columns, memberName: members.name, memberTenantId: checkins.tenantId })
    .from(checkins)
    .leftJoin(members, and(eq(members.tenantId, checkins.tenantId), eq(members.memberId, checkins.memberId)))
    .where(withStatus(sideCondition('home', tenantId, orgIds), status))
    .orderBy(desc(checkins.createdAt), desc(checkins.id));
}

/**
 * The member's home branch by name, from the directory every county publishes (its path is the
 * check-in's `org_path`): the destination deciding sees where the member comes from (issue 17).
 */
const homeBranch = sql<string | null>`(select d.name from reporting.org_directory d where d.tenant_id = ${checkins.tenantId} and d.path = ${checkins.orgPath} limit 1)`;

/**
 * The destination side: requests to orgs in the caller's scope. The member's county and home branch are named;
 * their record is not readable here (only a grant, once accepted, carries ledger fields).
 * The caller's own check-in is left out: nobody decides about themself.
 */
export function listCheckinInbox(tx: Tx, tenantId: string, userId: string, orgIds: readonly string[] | null, status?: CheckinStatus) {
  return tx
    .select({ ...columns, memberName: checkins.memberName, memberTenantId: checkins.tenantId, userId: checkins.userId, homeBranch })
    .from(checkins)
    .where(withStatus(sql`${sideCondition('destination', tenantId, orgIds)} and ${checkins.userId} <> ${userId}`, status))
    .orderBy(desc(checkins.createdAt), desc(checkins.id));
}
