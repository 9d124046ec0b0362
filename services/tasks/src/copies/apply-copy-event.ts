import { createCopyConsumer, repathed, underMovedOrg } from '@tongxin/copies';
import { and, eq } from 'drizzle-orm';
import { checkins, claims, completions, members, orgs, processedEvents, publishedTasks, seats } from '../schema.ts';

/**
 * Keeps tasks' copies of roster's members and orgs and reporting's check-ins and identity's seats current, each
 * event once. When an org moves, tasks' own paths move with it: the publisher paths the
 * staff scope reads on tasks, claims and completions of that county.
 */
export const applyCopyEventToTasks = createCopyConsumer({
  copies: { members, orgs, checkins, seats },
  processed: processedEvents,
  onOrgMoved: async (tx, tenantId, moved) => {
    await tx.update(publishedTasks).set({ orgPath: repathed(publishedTasks.orgPath, moved) }).where(and(eq(publishedTasks.tenantId, tenantId), underMovedOrg(publishedTasks.orgPath, moved)));
    await tx.update(claims).set({ taskOrgPath: repathed(claims.taskOrgPath, moved) }).where(and(eq(claims.tenantId, tenantId), underMovedOrg(claims.taskOrgPath, moved)));
    await tx.update(completions).set({ taskOrgPath: repathed(completions.taskOrgPath, moved) }).where(and(eq(completions.tenantId, tenantId), underMovedOrg(completions.taskOrgPath, moved)));
  },
});
