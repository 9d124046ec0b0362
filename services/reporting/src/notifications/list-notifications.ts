import type { Tx } from '@tongxin/db';
import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import { notifications } from '../schema.ts';

const own = (userId: string) => eq(notifications.userId, userId);

/** The user's inbox, newest first. RLS already limits it to them; the filter states it. */
export function listNotifications(tx: Tx, userId: string, options: { unreadOnly: boolean; limit: number }) {
  return tx
    .select({
      id: notifications.id,
      kind: notifications.kind,
      notice: notifications.notice,
      params: notifications.params,
      title: notifications.title,
      body: notifications.body,
      subject: notifications.subject,
      official: notifications.official,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(options.unreadOnly ? and(own(userId), isNull(notifications.readAt)) : own(userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.limit);
}

export async function countUnread(tx: Tx, userId: string): Promise<{ count: number }> {
  const [row] = await tx.select({ n: count() }).from(notifications).where(and(own(userId), isNull(notifications.readAt)));
  return { count: row?.n ?? 0 };
}

/** Marks the user's own unread messages read; ids of others' messages change nothing. */
export async function markRead(tx: Tx, userId: string, ids: readonly string[] | 'all', now: Date): Promise<{ marked: number }> {
  const unread = and(own(userId), isNull(notifications.readAt));
  const rows = await tx
    .update(notifications)
    .set({ readAt: now })
    .where(ids === 'all' ? unread : and(unread, inArray(notifications.id, [...ids])))
    .returning({ id: notifications.id });
  return { marked: rows.length };
}
