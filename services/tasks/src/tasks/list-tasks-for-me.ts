import type { Tx } from '@tongxin/db';
import { and, eq, gt, inArray, isNull, ne, or, type SQL } from 'drizzle-orm';
import { checkins, claims, members, orgs, publishedTasks } from '../schema.ts';
import type { TaskKind } from '../schema/scope.ts';
import { publisherJoin, taskColumns, toTaskView, type MyClaim, type TaskView } from './task-view.ts';

export interface Me {
  tenantId: string;
  userId: string;
}

/** The claim of mine that holds a place on the task, joined beside it. */
const myClaimJoin = (me: Me) =>
  and(
    eq(claims.tenantId, publishedTasks.tenantId),
    eq(claims.taskId, publishedTasks.id),
    eq(claims.memberTenantId, me.tenantId),
    eq(claims.userId, me.userId),
    ne(claims.status, 'withdrawn'),
  );

/**
 * Tasks for me: the open published tasks that reach me, not past their deadline, plus the
 * ones I have claimed. Which tasks reach me is RLS's to say (tasks.member_sees_task: my
 * branch's and its ancestors', the mobile members' when I am one, a flow organization's when
 * I am under it or checked in there, also in another county). The query only narrows to the
 * counties that can have any (mine, and my check-in's), so the open-task index is used.
 * `myCity`: tasks set in my destination city, and those set nowhere in particular, which fit
 * anywhere (without a destination city, only those).
 */
export async function listTasksForMe(tx: Tx, me: Me, filter: { kind?: TaskKind | undefined; myCity?: boolean | undefined }, now: Date) {
  const [mine] = await tx
    .select({ city: members.destinationCity, checkinTenant: checkins.destTenantId })
    .from(members)
    .leftJoin(checkins, and(eq(checkins.tenantId, members.tenantId), eq(checkins.memberId, members.memberId)))
    .where(and(eq(members.tenantId, me.tenantId), eq(members.userId, me.userId)));
  if (!mine) return [];

  const filters: (SQL | undefined)[] = [];
  if (filter.kind) filters.push(eq(publishedTasks.kind, filter.kind));
  if (filter.myCity) filters.push(mine.city ? or(eq(publishedTasks.city, mine.city), isNull(publishedTasks.city)) : isNull(publishedTasks.city));

  const select = () =>
    tx
      .select({ ...taskColumns, myClaimId: claims.id, myClaimStatus: claims.status })
      .from(publishedTasks)
      .leftJoin(orgs, publisherJoin)
      .leftJoin(claims, myClaimJoin(me));
  const counties = [...new Set([me.tenantId, mine.checkinTenant ?? me.tenantId])];
  const open = await select().where(and(inArray(publishedTasks.tenantId, counties), eq(publishedTasks.status, 'published'), gt(publishedTasks.deadline, now), ...filters));
  const claimedIds = await tx
    .select({ tenantId: claims.tenantId, taskId: claims.taskId })
    .from(claims)
    .where(and(eq(claims.memberTenantId, me.tenantId), eq(claims.userId, me.userId), ne(claims.status, 'withdrawn')));
  const notListed = claimedIds.filter((c) => !open.some((t) => t.tenantId === c.tenantId && t.id === c.taskId));
  const claimedOnly =
    notListed.length === 0 ? [] : await select().where(and(or(...notListed.map((c) => and(eq(publishedTasks.tenantId, c.tenantId), eq(publishedTasks.id, c.taskId)))), ...filters));
  return [...open, ...claimedOnly]
    .sort((a, b) => a.deadline.getTime() - b.deadline.getTime() || a.id.localeCompare(b.id))
    .map(({ myClaimId, myClaimStatus, ...row }): TaskView & { myClaim: MyClaim } => ({
      ...toTaskView(row),
      myClaim: myClaimId && myClaimStatus ? { id: myClaimId, status: myClaimStatus } : null,
    }));
}

/** My claim of a task that holds a place, if any. */
export async function myClaimOf(tx: Tx, me: Me, taskTenantId: string, taskId: string): Promise<MyClaim> {
  const [row] = await tx
    .select({ id: claims.id, status: claims.status })
    .from(claims)
    .where(and(eq(claims.tenantId, taskTenantId), eq(claims.taskId, taskId), eq(claims.memberTenantId, me.tenantId), eq(claims.userId, me.userId), ne(claims.status, 'withdrawn')));
  return row ?? null;
}

