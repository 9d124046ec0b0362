import type { Tx } from '@tongxin/db';
import { badField } from '@tongxin/errors';
import { ruleChanges, thresholds } from '../schema.ts';
import { DEFAULT_THRESHOLDS, GRADED, type Thresholds } from './activity-rules.ts';
import { readThresholds } from './read-rules.ts';
import { alreadyChanged, type Actor } from './update-rule.ts';

export interface UpdateThresholdsInput extends Omit<Thresholds, 'pointsCount'> {
  /** Left out: as it was. */
  pointsCount?: boolean | undefined;
  reason: string;
  idempotencyKey: string;
}

/**
 * The department sets the yearly points and monthly reports each grade needs, and whether
 * points count in the proposal at all. A better grade may not need less than a lower one
 * (else the lower one could never be proposed).
 */
export async function updateThresholds(tx: Tx, actor: Actor, input: UpdateThresholdsInput, now: Date): Promise<Thresholds & { changed: boolean }> {
  for (const [better, lower] of [['excellent', 'qualified'], ['qualified', 'basic']] as const) {
    for (const measure of ['points', 'reports'] as const) {
      if (input[lower][measure] > input[better][measure]) throw badField(`${lower}.${measure}`, 'above_better_grade', { grade: better, max: input[better][measure] });
    }
  }
  const d = DEFAULT_THRESHOLDS;
  await tx
    .insert(thresholds)
    .values({
      tenantId: actor.tenantId,
      excellentPoints: d.excellent.points, excellentReports: d.excellent.reports,
      qualifiedPoints: d.qualified.points, qualifiedReports: d.qualified.reports,
      basicPoints: d.basic.points, basicReports: d.basic.reports,
      updatedBy: actor.userId, updatedAt: now,
    })
    .onConflictDoNothing();
  await tx.select({ tenantId: thresholds.tenantId }).from(thresholds).for('update');
  const before = await readThresholds(tx);
  if (await alreadyChanged(tx, input.idempotencyKey, 'thresholds')) return { ...before, changed: false };

  const grades = Object.fromEntries(GRADED.map((g) => [g, { points: input[g].points, reports: input[g].reports }])) as Omit<Thresholds, 'pointsCount'>;
  const after: Thresholds = { ...grades, pointsCount: input.pointsCount ?? before.pointsCount };
  await tx.insert(ruleChanges).values({
    tenantId: actor.tenantId, subject: 'thresholds', before, after, reason: input.reason, changedBy: actor.userId, changedByName: actor.name, changedAt: now,
    idempotencyKey: input.idempotencyKey,
  });
  await tx.update(thresholds).set({
    excellentPoints: after.excellent.points, excellentReports: after.excellent.reports,
    qualifiedPoints: after.qualified.points, qualifiedReports: after.qualified.reports,
    basicPoints: after.basic.points, basicReports: after.basic.reports,
    pointsCount: after.pointsCount,
    updatedBy: actor.userId, updatedAt: now,
  });
  return { ...after, changed: true };
}
