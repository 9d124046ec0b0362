import { pathInScope, type Tx } from '@tongxin/db';
import { and, desc, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import { meetings } from '../schema.ts';
import { meetingCounts } from './meeting-counts.ts';
import { aboveManagedMembersSql } from './org-path.ts';

const LIST_LIMIT = 500;

/**
 * Meetings the caller manages, and those of the orgs above their members, which they read
 * (`manages` false: a township's themed party day in a branch secretary's list). Optionally of
 * one org's subtree and a time range; newest first, with tallies (of the members the caller sees).
 */
export async function listMeetings(tx: Tx, orgIds: readonly string[] | null, filter: { orgId?: string; from?: Date; to?: Date }) {
  const manages = pathInScope(meetings.orgPath, orgIds);
  const where: SQL[] = [or(manages, aboveManagedMembersSql(meetings.tenantId, meetings.orgPath, orgIds))!];
  if (filter.orgId) where.push(pathInScope(meetings.orgPath, [filter.orgId]));
  if (filter.from) where.push(gte(meetings.startsAt, filter.from));
  if (filter.to) where.push(lt(meetings.startsAt, filter.to));
  return tx
    .select({
      meetingId: meetings.id, orgId: meetings.orgId, orgPath: meetings.orgPath, kind: meetings.kind, title: meetings.title,
      mode: meetings.mode, startsAt: meetings.startsAt, endsAt: meetings.endsAt, reportDeadline: meetings.reportDeadline,
      cancelledAt: meetings.cancelledAt, manages: sql<boolean>`${manages}`, counts: meetingCounts(),
    })
    .from(meetings)
    .where(and(...where))
    .orderBy(desc(meetings.startsAt))
    .limit(LIST_LIMIT);
}
