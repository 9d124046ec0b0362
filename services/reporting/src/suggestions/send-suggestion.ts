import type { Tx } from '@tongxin/db';
import { and, eq } from 'drizzle-orm';
import { members, suggestions } from '../schema.ts';
import { pathTo, type SUGGESTION_CATEGORIES } from './suggestion-rules.ts';
import { DomainError, badField } from '@tongxin/errors';

export interface SendSuggestionInput {
  toOrgId: string;
  category: (typeof SUGGESTION_CATEGORIES)[number];
  title: string;
  body: string;
  idempotencyKey: string;
}

/**
 * 建言献策: a member writes to their home branch or one of its ancestors. Reporting cannot
 * read the org tree, but the member's branch path (kept from roster) holds every ancestor,
 * so it both validates the addressee and gives the path secretaries' scope is checked on.
 * A retry with the same key returns the first suggestion.
 */
export async function sendSuggestion(tx: Tx, tenantId: string, userId: string, input: SendSuggestionInput, now: Date) {
  const [member] = await tx
    .select({ memberId: members.memberId, orgPath: members.orgPath })
    .from(members)
    .where(eq(members.userId, userId));
  if (!member) throw new DomainError('no_member_record', { message: 'No member record for this user in reporting yet' });
  const toOrgPath = pathTo(member.orgPath, input.toOrgId);
  if (!toOrgPath) throw badField('toOrgId', 'not_own_branch_or_above');
  const [row] = await tx
    .insert(suggestions)
    .values({
      tenantId,
      memberId: member.memberId,
      userId,
      toOrgId: input.toOrgId,
      toOrgPath,
      category: input.category,
      title: input.title,
      body: input.body,
      steps: [{ status: 'received', by: userId, at: now.toISOString() }],
      idempotencyKey: input.idempotencyKey,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: [suggestions.tenantId, suggestions.idempotencyKey] })
    .returning({ id: suggestions.id });
  if (row) return row;
  const [first] = await tx
    .select({ id: suggestions.id })
    .from(suggestions)
    .where(and(eq(suggestions.idempotencyKey, input.idempotencyKey), eq(suggestions.userId, userId)));
  if (!first) throw new DomainError('idempotency_key_reused', { message: 'This idempotency key was used for another request' });
  return first;
}
