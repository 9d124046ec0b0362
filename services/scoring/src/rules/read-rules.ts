import type { Tx } from '@tongxin/db';
import { rules, thresholds } from '../schema.ts';
import { ACTIVITY_KINDS, DEFAULT_RULES, DEFAULT_THRESHOLDS, type ActivityKind, type Rule, type Thresholds } from './activity-rules.ts';

export interface TenantRule extends Rule {
  kind: ActivityKind;
  default: Rule;
  updatedBy: string | null;
  updatedAt: Date | null;
}

/** The tenant's rule for every kind: its own where the department changed it, else the default. */
export async function readRules(tx: Tx): Promise<Record<ActivityKind, TenantRule>> {
  const own = new Map((await tx.select().from(rules)).map((r) => [r.kind, r]));
  return Object.fromEntries(
    ACTIVITY_KINDS.map((kind) => {
      const row = own.get(kind);
      const rule: TenantRule = row
        ? { kind, points: row.points, monthlyCap: row.monthlyCap, default: DEFAULT_RULES[kind], updatedBy: row.updatedBy, updatedAt: row.updatedAt }
        : { kind, ...DEFAULT_RULES[kind], default: DEFAULT_RULES[kind], updatedBy: null, updatedAt: null };
      return [kind, rule];
    }),
  ) as Record<ActivityKind, TenantRule>;
}

/** The tenant's evaluation thresholds, or the defaults. */
export async function readThresholds(tx: Tx): Promise<Thresholds> {
  const [row] = await tx.select().from(thresholds);
  if (!row) return DEFAULT_THRESHOLDS;
  return {
    excellent: { points: row.excellentPoints, reports: row.excellentReports },
    qualified: { points: row.qualifiedPoints, reports: row.qualifiedReports },
    basic: { points: row.basicPoints, reports: row.basicReports },
    pointsCount: row.pointsCount,
  };
}
