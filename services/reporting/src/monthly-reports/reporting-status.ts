import { selectRows, type Tx } from '@tongxin/db';
import { sql } from 'drizzle-orm';

/**
 * Who must send a monthly report: members away from home, mobile or lost contact (brief:
 * the counties ask their mobile members to report monthly; a lost-contact member is still
 * expected, and missing reports feed the escalation ladder). Residents and transferred-out
 * members are not counted, though a resident may report.
 */
export const REQUIRED_TO_REPORT = ['mobile', 'lost_contact'] as const;
/** The rule as SQL over a `reporting.members` row aliased `alias`: the rate, the list and the rollups' reportsDue read this one. */
export const requiredToReport = (alias: string) => sql.raw(`${alias}.status in (${REQUIRED_TO_REPORT.map((s) => `'${s}'`).join(', ')})`);
const required = requiredToReport('m');

/** Members under `orgId` (when given) as a path condition: paths hold every ancestor id. */
const under = (orgId: string | undefined) => (orgId ? sql`and position(${`/${orgId}/`} in m.org_path) > 0` : sql``);

export interface MemberReportStatus {
  memberId: string;
  name: string;
  branchId: string;
  memberStatus: string;
  reported: boolean;
  reportId: string | null;
  acknowledged: boolean;
  submittedAt: Date | null;
}

interface StatusRow {
  member_id: string;
  name: string;
  branch_id: string;
  status: MemberReportStatus['memberStatus'];
  report_id: string | null;
  acknowledged_at: string | Date | null;
  submitted_at: string | Date | null;
}

/**
 * Every member in the caller's scope who must report, and whether they have for `period`; not
 * reported first. A resident who reported anyway is listed too: a report nobody can read is a
 * report lost (a new user found one, issue 12).
 */
export async function reportingStatus(tx: Tx, tenantId: string, input: { period: string; orgId?: string | undefined }): Promise<MemberReportStatus[]> {
  const rows = await selectRows<StatusRow>(tx, sql`
    select m.member_id, m.name, m.branch_id, m.status, r.id as report_id, r.acknowledged_at, r.submitted_at
    from reporting.members m
    left join reporting.monthly_reports r on r.tenant_id = m.tenant_id and r.member_id = m.member_id and r.period = ${input.period}
    where m.tenant_id = ${tenantId} and (${required} or r.id is not null) ${under(input.orgId)}
    order by (r.id is not null), m.name, m.member_id`);
  return rows.map((row) => ({
    memberId: row.member_id,
    name: row.name,
    branchId: row.branch_id,
    memberStatus: row.status,
    reported: row.report_id !== null,
    reportId: row.report_id ?? null,
    acknowledged: row.acknowledged_at != null,
    submittedAt: row.submitted_at ? new Date(row.submitted_at) : null,
  }));
}

export interface Rate {
  orgId: string;
  required: number;
  reported: number;
  /** reported / required, or null when nobody must report. */
  rate: number | null;
}

const rate = (reportedCount: number, requiredCount: number) => (requiredCount === 0 ? null : Math.round((reportedCount / requiredCount) * 1000) / 1000);

/**
 * The reporting rate for `period` per branch and per township (the org under the county's
 * root, where a flow general branch also sits), and in total, within the caller's scope.
 */
export async function reportingRate(tx: Tx, tenantId: string, input: { period: string; orgId?: string | undefined }) {
  const result = await tx.execute(sql`
    select m.branch_id, nullif(split_part(m.org_path, '/', 3), '') as township,
           count(*)::int as required, count(r.id)::int as reported
    from reporting.members m
    left join reporting.monthly_reports r on r.tenant_id = m.tenant_id and r.member_id = m.member_id and r.period = ${input.period}
    where m.tenant_id = ${tenantId} and ${required} ${under(input.orgId)}
    group by 1, 2
    order by 1`);
  const rows = result.rows as { branch_id: string; township: string | null; required: number; reported: number }[];
  const branches: Rate[] = rows.map((r) => ({ orgId: r.branch_id, required: r.required, reported: r.reported, rate: rate(r.reported, r.required) }));
  const byTownship = new Map<string, { required: number; reported: number }>();
  for (const r of rows) {
    // A member copied before roster sent the full path has no township yet.
    if (!r.township || r.township === r.branch_id) continue;
    const t = byTownship.get(r.township) ?? { required: 0, reported: 0 };
    t.required += r.required;
    t.reported += r.reported;
    byTownship.set(r.township, t);
  }
  const townships: Rate[] = [...byTownship].map(([orgId, t]) => ({ orgId, ...t, rate: rate(t.reported, t.required) }));
  const totalRequired = rows.reduce((n, r) => n + r.required, 0);
  const totalReported = rows.reduce((n, r) => n + r.reported, 0);
  return { period: input.period, branches, townships, total: { required: totalRequired, reported: totalReported, rate: rate(totalReported, totalRequired) } };
}
