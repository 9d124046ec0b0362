import type { Tx } from '@tongxin/db';
import { and, eq } from 'drizzle-orm';
import { ruleChanges, rules } from '../schema.ts';
import { DEFAULT_RULES, type ActivityKind, type Rule } from './activity-rules.ts';
import { DomainError, badField } from '@tongxin/errors';

export interface UpdateRuleInput {
  kind: ActivityKind;
  points?: number | null | undefined;
  monthlyCap?: number | null | undefined;
  reason: string;
  idempotencyKey: string;
}

export interface Actor {
  tenantId: string;
  userId: string;
  name: string | null;
}

/** A retry of a change already made (same key) answers with the rule as it stands; another use of the key is a conflict. */
export async function alreadyChanged(tx: Tx, idempotencyKey: string, subject: string): Promise<boolean> {
  const [done] = await tx.select({ subject: ruleChanges.subject }).from(ruleChanges).where(eq(ruleChanges.idempotencyKey, idempotencyKey));
  if (done && done.subject !== subject) throw new DomainError('idempotency_key_reused', { message: 'This idempotency key was used for another change' });
  return Boolean(done);
}

/**
 * The department changes a rule: the points of one activity kind or its monthly cap. The
 * change and its history row (who, when, before, after, why) are one transaction; entries
 * already in the ledger keep the points they were given (append-only).
 */
export async function updateRule(tx: Tx, actor: Actor, input: UpdateRuleInput, now: Date): Promise<Rule & { kind: ActivityKind; changed: boolean }> {
  const { kind } = input;
  if (kind === 'task_completed' && input.points != null) throw badField('points', 'points_from_task');
  if (kind !== 'task_completed' && input.points === null) throw badField('points', 'required');
  if (input.points === undefined && input.monthlyCap === undefined) throw badField('points', 'nothing_to_change');

  const current = async () => {
    const [row] = await tx.select().from(rules).where(and(eq(rules.tenantId, actor.tenantId), eq(rules.kind, kind))).for('update');
    return row ? { points: row.points, monthlyCap: row.monthlyCap } : DEFAULT_RULES[kind];
  };
  // The row exists from the first change on, so FOR UPDATE serializes two departments' edits.
  await tx.insert(rules).values({ tenantId: actor.tenantId, kind, ...DEFAULT_RULES[kind], updatedBy: actor.userId, updatedAt: now }).onConflictDoNothing();
  const before = await current();
  if (await alreadyChanged(tx, input.idempotencyKey, kind)) return { kind, ...before, changed: false };

  const after: Rule = {
    points: input.points === undefined ? before.points : input.points,
    monthlyCap: input.monthlyCap === undefined ? before.monthlyCap : input.monthlyCap,
  };
  await tx.insert(ruleChanges).values({
    tenantId: actor.tenantId, subject: kind, before, after, reason: input.reason, changedBy: actor.userId, changedByName: actor.name, changedAt: now,
    idempotencyKey: input.idempotencyKey,
  });
  await tx.update(rules).set({ ...after, updatedBy: actor.userId, updatedAt: now }).where(and(eq(rules.tenantId, actor.tenantId), eq(rules.kind, kind)));
  return { kind, ...after, changed: true };
}
