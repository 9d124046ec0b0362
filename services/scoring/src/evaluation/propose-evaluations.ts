import { inSubtree, type Tx } from '@tongxin/db';
import { eq, sql } from 'drizzle-orm';
import { SCORED_TOPICS } from '../events/scored-activity.ts';
import { readThresholds } from '../rules/read-rules.ts';
import { evaluationChanges, evaluations, type EvaluationBasis, type Grade } from '../schema.ts';
import { monthsToReport, proposeGrade, REPORTING_STATUSES } from './grade-rules.ts';
import { chinaMonth } from '@tongxin/calendar';
import { listEvaluations } from './list-evaluations.ts';

export interface Proposer {
  tenantId: string;
  userId: string;
  department: boolean;
  orgIds: readonly string[];
}

const BATCH = 500;

/**
 * Computes (or refreshes) the year's proposal for every member under an org the caller
 * holds (`org`, resolved and checked against their scope by `withOrg`), from the ledger:
 * monthly reports (distinct months reported), organizational life attended (in person, and
 * any kind), tasks claimed and not withdrawn, tasks completed, and yearly points (which count
 * only where the county chooses: grade-rules.ts). Capped entries count as activities, so a
 * member whose points hit a cap still has their reports and meetings counted. A proposal that changed
 * leaves a history row; a branch's decision already made stays (and shows as overridden
 * when it now differs). Written in batches: a department may propose for a whole county.
 */
export async function proposeEvaluations(tx: Tx, proposer: Proposer, input: { year: number; org: { path: string } }, now: Date) {
  const { org } = input;
  const thresholds = await readThresholds(tx);
  // A meeting cancelled afterwards was not attended (its points were given back).
  const cancelled = sql`exists (select 1 from scoring.points_ledger c where c.tenant_id = l.tenant_id and c.member_id = l.member_id
    and c.subject = l.subject and c.note in ('meeting_cancelled', 'already_cancelled'))`;
  // Members visible to the caller (RLS) under the org, with their year's entries.
  const result = await tx.execute(sql`
    select m.member_id, m.status,
      coalesce(sum(l.points), 0)::int as points,
      count(distinct l.subject) filter (where l.kind = 'monthly_report' and l.topic = ${SCORED_TOPICS.monthlyReportSubmitted})::int as reports,
      count(distinct l.subject) filter (where l.kind = 'meeting_in_person' and not ${cancelled})::int as in_person,
      count(distinct l.subject) filter (where l.kind in ('meeting_in_person', 'meeting_online', 'meeting_reported') and not ${cancelled})::int as meetings,
      count(distinct l.subject) filter (where l.kind = 'task_claimed' and l.topic = ${SCORED_TOPICS.taskClaimed} and not exists (
        select 1 from scoring.points_ledger w where w.tenant_id = l.tenant_id and w.member_id = l.member_id and w.kind = 'task_claimed'
          and w.subject = l.subject and w.note = 'claim_withdrawn'))::int as claimed,
      count(distinct l.subject) filter (where l.kind = 'task_completed')::int as completed
    from scoring.members m
    left join scoring.points_ledger l on l.tenant_id = m.tenant_id and l.member_id = m.member_id
      and l.period >= ${`${input.year}-01`} and l.period <= ${`${input.year}-12`}
    where ${inSubtree(sql`m.org_path`, org.path)} and m.status <> 'transferred_out'
    group by m.member_id, m.status`);
  const rows = result.rows as { member_id: string; status: string; points: number; reports: number; in_person: number; meetings: number; claimed: number; completed: number }[];
  const reportsRequired = monthsToReport(input.year, chinaMonth(now));

  // Locks the year's evaluations the caller holds: two proposals at once do not interleave.
  const existing = new Map((await tx.select().from(evaluations).where(eq(evaluations.year, input.year)).for('update')).map((e) => [e.memberId, e]));
  const changed: { memberId: string; grade: Grade | null; basis: EvaluationBasis; finalGrade: Grade | null }[] = [];
  for (const r of rows) {
    const measured = {
      points: Number(r.points),
      reports: Number(r.reports),
      inPersonMeetings: Number(r.in_person),
      meetingsAttended: Number(r.meetings),
      tasksClaimed: Number(r.claimed),
      tasksCompleted: Number(r.completed),
      reportRuleApplies: REPORTING_STATUSES.includes(r.status),
      reportsRequired,
      pointsCount: thresholds.pointsCount,
    };
    const { grade, noProposal } = proposeGrade(measured, thresholds);
    const basis: EvaluationBasis = { ...measured, status: r.status, thresholds, noProposal };
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
