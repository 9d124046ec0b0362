import type { Tx } from '@tongxin/db';
import { and, desc, eq, ne } from 'drizzle-orm';
import { members, suggestions, type SuggestionStatus } from '../schema.ts';

const columns = {
  id: suggestions.id,
  toOrgId: suggestions.toOrgId,
  category: suggestions.category,
  title: suggestions.title,
  body: suggestions.body,
  status: suggestions.status,
  steps: suggestions.steps,
  createdAt: suggestions.createdAt,
  updatedAt: suggestions.updatedAt,
};

/** The member's own suggestions with every step, newest first. */
export function listMySuggestions(tx: Tx, userId: string) {
  return tx.select(columns).from(suggestions).where(eq(suggestions.userId, userId)).orderBy(desc(suggestions.createdAt), desc(suggestions.id));
}

/**
 * Suggestions addressed to the caller's orgs or below (RLS: the secretary's org ids on
 * to_org_path; the department: the tenant), with the sender's name. The caller's own
 * suggestions are left out: nobody decides about themself, the level above answers them.
 */
export function listSuggestionInbox(tx: Tx, userId: string, status?: SuggestionStatus) {
  const where = and(ne(suggestions.userId, userId), status ? eq(suggestions.status, status) : undefined);
  return tx
    .select({ ...columns, memberId: suggestions.memberId, memberName: members.name })
    .from(suggestions)
    .leftJoin(members, and(eq(members.tenantId, suggestions.tenantId), eq(members.memberId, suggestions.memberId)))
    .where(where)
    .orderBy(desc(suggestions.createdAt), desc(suggestions.id));
}
