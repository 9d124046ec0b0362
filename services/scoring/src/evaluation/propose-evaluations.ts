import type { Tx } from '@tongxin/db';
import { eq, sql } from 'drizzle-orm';
import { SCORED_TOPICS } from '../events/scored-activity.ts';
import { readThresholds } from '../rules/read-rules.ts';
import { evaluationChanges, evaluations, orgs, type EvaluationBasis, type Grade } from '../schema.ts';
import { proposeGrade, REPORTING_STATUSES } from './grade-rules.ts';
import { listEvaluations } from './list-evaluations.ts';
import { DomainError } from '@tongxin/errors';

export interface Proposer {
  tenantId: string;
  userId: string;
  department: boolean;
  orgIds: readonly string[];
}

const BATCH = 500;

/**
 * Computes (or refreshes) the year's proposal for every member under an org the caller
 * holds, from the ledger: yearly points, monthly reports (distinct months reported) and
 * meetings attended in person. Capped entries count as activities, so a member whose
 * points hit a cap still has their reports and meetings counted. A proposal that changed
 * leaves a history row; a branch's decision already made stays (and shows as overridden
 * when it now differs). Written in batches: a department may propose for a whole county.
 */
export async function proposeEvaluations(tx: Tx, proposer: Proposer, input: { year: number; orgId: string }, now: Date) {
  const [org] = await tx.select({ path: orgs.path }).from(orgs).where(eq(orgs.orgId, input.orgId));
  if (!org) throw new DomainError('org_not_found', { message: 'No such organization in your county' });
  if (!proposer.department && !proposer.orgIds.some((id) => org.path.includes(`/${id}/`))) {
    throw new DomainError('not_your_org', { message: 'You may propose only for your own organizations' });
  }
  const thresholds = await readThresholds(tx);
  // Members visible to the caller (RLS) under the org, with their year's entries.
  const result = await tx.execute(sql`
    select m.member_id, m.status,
      coalesce(sum(l.points), 0)::int as points,
      count(distinct l.subject) filter (where l.kind = 'monthly_report' and l.topic = ${SCORED_TOPICS.monthlyReportSubmitted})::int as reports,
      count(distinct l.subject) filter (where l.kind = 'meeting_in_person')::int as in_person
    from scoring.members m
    left join scoring.points_ledger l on l.tenant_id = m.tenant_id and l.member_id = m.member_id
      and l.period >= ${`${input.year}-01`} and l.period <= ${`${input.year}-12`}
    where m.org_path ~>=~ ${org.path} and m.org_path ~<~ ${`${org.path.slice(0, -1)}0`} and m.status <> 'transferred_out'
    group by m.member_id, m.status`);
  const rows = result.rows as { member_id: string; status: string; points: number; reports: number; in_person: number }[];

  // Locks the year's evaluations the caller holds: two proposals at once do not interleave.
  const existing = new Map((await tx.select().from(evaluations).where(eq(evaluations.year, input.year)).for('update')).map((e) => [e.memberId, e]));
  const changed: { memberId: string; grade: Grade; basis: EvaluationBasis; finalGrade: Grade | null }[] = [];
  for (const r of rows) {
    const basis: EvaluationBasis = {
      points: Number(r.points),
      reports: Number(r.reports),
      inPersonMeetings: Number(r.in_person),
      reportRuleApplies: REPORTING_STATUSES.includes(r.status),
      status: r.status,
      thresholds,
    };
    const grade = proposeGrade(basis, thresholds);
    const before = existing.get(r.member_id);
    if (before && before.proposedGrade === grade && canonical(before.basis) === canonical(basis)) continue;
    changed.push({ memberId: r.member_id, grade, basis, finalGrade: before?.finalGrade ?? null });
  }
  for (let i = 0; i < changed.length; i += BATCH) {
    const batch = changed.slice(i, i + BATCH);
    await tx
      .insert(evaluations)
      .values(batch.map((c) => ({ tenantId: proposer.tenantId, year: input.year, memberId: c.memberId, proposedGrade: c.grade, basis: c.basis, proposedBy: proposer.userId, proposedAt: now })))
      .onConflictDoUpdate({
        target: [evaluations.tenantId, evaluations.year, evaluations.memberId],
        set: { proposedGrade: sql`excluded.proposed_grade`, basis: sql`excluded.basis`, proposedBy: sql`excluded.proposed_by`, proposedAt: sql`excluded.proposed_at` },
      });
    await tx.insert(evaluationChanges).values(
      batch.map((c) => ({
        tenantId: proposer.tenantId, year: input.year, memberId: c.memberId, action: 'proposed' as const, proposedGrade: c.grade, finalGrade: c.finalGrade, basis: c.basis,
        by: proposer.userId, at: now,
      })),
    );
  }
  return listEvaluations(tx, input.year, org.path);
}

/** JSON with sorted keys: jsonb hands objects back in its own key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
