import type { Tx } from '@tongxin/db';
import { desc, eq } from 'drizzle-orm';
import { members, memberVersions, type FieldChange } from '../schema.ts';
import { maskChanges } from './mask-changes.ts';

export interface HistoryEntry {
  version: number;
  action: string;
  at: string;
  actorRole: string;
  actorUserId: string | null;
  changes: FieldChange[];
}

/** A member's versions, newest first, as the readable diff shows them; null when RLS hides the member. */
export async function listMemberHistory(tx: Tx, memberId: string): Promise<HistoryEntry[] | null> {
  const [member] = await tx.select({ id: members.id }).from(members).where(eq(members.id, memberId));
  if (!member) return null;
  const rows = await tx
    .select({
      version: memberVersions.version,
      action: memberVersions.action,
      at: memberVersions.at,
      actorRole: memberVersions.actorRole,
      actorUserId: memberVersions.actorUserId,
      changes: memberVersions.changes,
    })
    .from(memberVersions)
    .where(eq(memberVersions.memberId, memberId))
    .orderBy(desc(memberVersions.version));
  return rows.map((r) => ({ ...r, at: r.at.toISOString(), changes: maskChanges(r.changes) }));
}

/** The logged-in member's own member id (RLS shows a member only their own row). */
export async function myMemberId(tx: Tx, userId: string): Promise<string | null> {
  const [row] = await tx.select({ id: members.id }).from(members).where(eq(members.userId, userId));
  return row?.id ?? null;
}
