import type { Tx } from '@tongxin/db';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { checkins, members, type CheckinStatus } from '../schema.ts';
import { certificateValidity } from './attached-certificate.ts';
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
  certificateNumber: checkins.certificateNumber,
  certificateValidUntil: checkins.certificateValidUntil,
  certificateStatus: checkins.certificateStatus,
};

/**
 * An organization outside Tongxin as its own side sees it (the member who named it, the home
 * branch): where, who confirms, and the link's state. The destination side never gets such a
 * row (it has no county).
 */
const outsideColumns = {
  outside: sql<boolean>`${checkins.destTenantId} is null`,
  outsideCity: checkins.outsideCity,
  outsideContactName: checkins.outsideContactName,
  outsideContactPhone: checkins.outsideContactPhone,
  declineCode: checkins.declineCode,
  /** When the last link went out, and until when the live one works (null: none live). */
  // Qualified by hand: drizzle names a lone table's columns bare, which the subquery would read as its own.
  linkSentAt: sql<Date | null>`(select max(l.created_at) from reporting.checkin_links l where l.tenant_id = "checkins"."tenant_id" and l.checkin_id = "checkins"."id")`.mapWith((v) => (v ? new Date(v) : null)),
  linkExpiresAt: sql<Date | null>`(select l.expires_at from reporting.checkin_links l where l.tenant_id = "checkins"."tenant_id" and l.checkin_id = "checkins"."id" and l.used_at is null and l.revoked_at is null)`.mapWith((v) => (v ? new Date(v) : null)),
};

/** The certificate the member attached, as valid or not today (attached-certificate.ts), in place of its stored columns. */
function withCertificate<R extends { certificateNumber: string | null; certificateValidUntil: string | null; certificateStatus: string | null }>(rows: R[], now: Date) {
  return rows.map(({ certificateNumber, certificateValidUntil, certificateStatus, ...row }) => ({
    ...row,
    certificate: certificateValidity({ certificateNumber, certificateValidUntil, certificateStatus }, now),
  }));
}

/**
 * The member's check-ins, newest first: the open one and the history. `reasonIsMine`: the
 * member ended it, so the reason is theirs (an ending writes the ender's reason), not the
 * destination's.
 */
export async function listMyCheckins(tx: Tx, tenantId: string, userId: string, now: Date) {
  const rows = await tx
    .select({ ...columns, ...outsideColumns, reasonIsMine: sql<boolean>`coalesce(${checkins.endedBy} = ${checkins.userId}, false)` })
    .from(checkins)
    .where(and(eq(checkins.tenantId, tenantId), eq(checkins.userId, userId)))
    .orderBy(desc(checkins.createdAt), desc(checkins.id));
  return withCertificate(rows, now);
}

const withStatus = (condition: SQL, status: CheckinStatus | undefined) => (status ? and(condition, eq(checkins.status, status))! : condition);

/**
 * The home side: check-ins of members in the caller's scope, whatever their status, so the
 * home branch sees it all along (issue 6). With the member's name from reporting's copy.
 */
export async function listHomeCheckins(tx: Tx, tenantId: string, orgIds: readonly string[] | null, now: Date, status?: CheckinStatus) {
  const rows = await tx
    .select({ ...columns, ...outsideColumns, memberName: members.name, memberTenantId: checkins.tenantId })
    .from(checkins)
    .leftJoin(members, and(eq(members.tenantId, checkins.tenantId), eq(members.memberId, checkins.memberId)))
    .where(withStatus(sideCondition('home', tenantId, orgIds), status))
    .orderBy(desc(checkins.createdAt), desc(checkins.id));
  return withCertificate(rows, now);
}

/**
 * The member's home branch by name, from the directory every county publishes (its path is the
 * check-in's `org_path`): the destination deciding sees where the member comes from (issue 17).
 */
const homeBranch = sql<string | null>`(select d.name from reporting.org_directory d where d.tenant_id = ${checkins.tenantId} and d.path = ${checkins.orgPath} limit 1)`;

/**
 * The destination side: requests to orgs in the caller's scope. The member's county and home
 * branch are named, with the home secretaries' contact and the attached certificate's validity
 * (issue 17: what a destination needs to verify who asks); their record is not readable here
 * (only a grant, once accepted, carries ledger fields).
 * The caller's own check-in is left out: nobody decides about themself.
 */
export async function listCheckinInbox(tx: Tx, tenantId: string, userId: string, orgIds: readonly string[] | null, now: Date, status?: CheckinStatus) {
  const rows = await tx
    .select({ ...columns, memberName: checkins.memberName, memberTenantId: checkins.tenantId, userId: checkins.userId, homeBranch, homeContacts: checkins.homeContacts })
    .from(checkins)
    .where(withStatus(sql`${sideCondition('destination', tenantId, orgIds)} and ${checkins.userId} <> ${userId}`, status))
    .orderBy(desc(checkins.createdAt), desc(checkins.id));
  return withCertificate(rows, now);
}
