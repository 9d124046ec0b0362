import { inSubtree, selectRow, selectRows, type Tx } from '@tongxin/db';
import { orgNotFound, type Caller } from '@tongxin/trpc';
import { sql } from 'drizzle-orm';
import { requiredToReport, type MemberReportStatus } from './reporting-status.ts';

/** An org of reporting's directory: what the page names and opens. */
export interface DirectoryOrg {
  id: string;
  name: string;
  path: string;
}

const rate = (reported: number, required: number) => (required === 0 ? null : Math.round((reported / required) * 1000) / 1000);

/**
 * The org a monthly-report page opens on when none is named: the department's county (its
 * root, whose children are the townships), a secretary's top seat (the shallowest of their orgs).
 */
export async function defaultReportingOrg(tx: Tx, caller: Pick<Caller, 'tenantId' | 'department' | 'orgIds'>): Promise<DirectoryOrg> {
  const org = await findDefaultReportingOrg(tx, caller);
  if (!org) throw orgNotFound();
  return org;
}

/** As `defaultReportingOrg`, or undefined while the directory lacks it (roster's org event not applied yet). */
export async function findDefaultReportingOrg(tx: Tx, caller: Pick<Caller, 'tenantId' | 'department' | 'orgIds'>): Promise<DirectoryOrg | undefined> {
  return caller.department
    ? selectRow<DirectoryOrg>(tx, sql`select org_id as id, name, path from reporting.org_directory
        where tenant_id = ${caller.tenantId} and path = '/' || org_id::text || '/' limit 1`)
    : selectRow<DirectoryOrg>(tx, sql`select org_id as id, name, path from reporting.org_directory
        where tenant_id = ${caller.tenantId} and org_id = any(${`{${caller.orgIds.join(',')}}`}::uuid[]) order by length(path), name limit 1`);
}

/** The caller's top orgs, where the page may start: the department's root, a secretary's seats but those under another of theirs. */
async function topsOf(tx: Tx, caller: Pick<Caller, 'tenantId' | 'department' | 'orgIds'>): Promise<{ id: string; name: string }[]> {
  if (caller.department) {
    const { id, name } = await defaultReportingOrg(tx, caller);
    return [{ id, name }];
  }
  const seats = await selectRows<DirectoryOrg>(tx, sql`select org_id as id, name, path from reporting.org_directory
    where tenant_id = ${caller.tenantId} and org_id = any(${`{${caller.orgIds.join(',')}}`}::uuid[]) order by length(path), name`);
  return seats.filter((seat) => !seats.some((other) => other !== seat && seat.path.startsWith(other.path))).map(({ id, name }) => ({ id, name }));
}

/** The orgs from the caller's top (the root for the department, else their seat on the path) down to `org`, named, for the page's way back up. */
async function trailOf(tx: Tx, caller: Pick<Caller, 'tenantId' | 'department' | 'orgIds'>, org: DirectoryOrg) {
  const ids = org.path.split('/').filter(Boolean);
  const top = caller.department ? 0 : Math.max(0, ids.findIndex((id) => caller.orgIds.includes(id)));
  const shown = ids.slice(top);
  const named = await selectRows<{ id: string; name: string }>(tx, sql`select org_id as id, name from reporting.org_directory
    where tenant_id = ${caller.tenantId} and org_id = any(${`{${shown.join(',')}}`}::uuid[])`);
  const names = new Map(named.map((o) => [o.id, o.name]));
  return shown.map((id) => ({ id, name: names.get(id) ?? '' }));
}

/**
 * The reporting rate for `period` of the org's subtree and of each of its children (the level
 * below: a county's townships, a township's branches), by the rate's own rule (members required
 * to report, `requiredToReport`). A member held at the org itself counts in its total only.
 * Children are the org's open children in the directory, and closed ones that still hold members.
 */
export async function reportingByOrg(tx: Tx, caller: Pick<Caller, 'tenantId' | 'department' | 'orgIds'>, input: { period: string; org: DirectoryOrg }) {
  const { org, period } = input;
  const depth = org.path.split('/').filter(Boolean).length;
  const counts = await selectRows<{ child: string | null; required: number; reported: number }>(tx, sql`
    select nullif(split_part(m.org_path, '/', ${depth + 2}), '') as child, count(*)::int as required, count(r.id)::int as reported
    from reporting.members m
    left join reporting.monthly_reports r on r.tenant_id = m.tenant_id and r.member_id = m.member_id and r.period = ${period}
    where m.tenant_id = ${caller.tenantId} and ${requiredToReport('m')} and ${inSubtree(sql`m.org_path`, org.path)}
    group by 1`);
  const children = await selectRows<{ id: string; name: string; closed: boolean; below: boolean }>(tx, sql`
    select d.org_id as id, d.name, d.closed_at is not null as closed,
      exists (select 1 from reporting.org_directory c where c.tenant_id = d.tenant_id and c.path = d.path || c.org_id::text || '/') as below
    from reporting.org_directory d
    where d.tenant_id = ${caller.tenantId} and ${inSubtree(sql`d.path`, org.path)} and d.path = ${org.path} || d.org_id::text || '/'`);
  const byChild = new Map(counts.filter((c) => c.child).map((c) => [c.child!, c]));
  const required = counts.reduce((n, c) => n + c.required, 0);
  const reported = counts.reduce((n, c) => n + c.reported, 0);
  return {
    period,
    org: { id: org.id, name: org.name },
    trail: await trailOf(tx, caller, org),
    tops: await topsOf(tx, caller),
    total: { required, reported, rate: rate(reported, required) },
    children: children
      .filter((c) => !c.closed || byChild.has(c.id))
      .map((c) => {
        const n = byChild.get(c.id) ?? { required: 0, reported: 0 };
        return { orgId: c.id, name: c.name, hasChildren: c.below, required: n.required, reported: n.reported, rate: rate(n.reported, n.required) };
      }),
  };
}

export interface ReportListInput {
  period: string;
  /** Null: the caller's whole scope, as RLS shows it. */
  org: DirectoryOrg | null;
  /** Only those who have (true) or have not (false) reported. */
  reported?: boolean | undefined;
  offset: number;
  limit: number;
}

/**
 * One page of the members under the org who must report for `period` (and residents who
 * reported anyway, as `reportingStatus`), not reported first, then by name and id: an order
 * that holds from page to page. `total` counts the whole list under the filter.
 */
export async function reportList(tx: Tx, tenantId: string, input: ReportListInput): Promise<{ total: number; offset: number; limit: number; items: (MemberReportStatus & { branchName: string })[] }> {
  const reportedFilter = input.reported === undefined ? sql`` : input.reported ? sql`and r.id is not null` : sql`and r.id is null`;
  const from = sql`
    from reporting.members m
    left join reporting.monthly_reports r on r.tenant_id = m.tenant_id and r.member_id = m.member_id and r.period = ${input.period}
    where m.tenant_id = ${tenantId} and (${requiredToReport('m')} or r.id is not null) ${input.org ? sql`and ${inSubtree(sql`m.org_path`, input.org.path)}` : sql``} ${reportedFilter}`;
  const [count] = await selectRows<{ n: number }>(tx, sql`select count(*)::int as n ${from}`);
  const rows = await selectRows<{ member_id: string; name: string; branch_id: string; branch_name: string | null; status: string; report_id: string | null; acknowledged_at: string | Date | null; submitted_at: string | Date | null }>(tx, sql`
    select m.member_id, m.name, m.branch_id, m.status, r.id as report_id, r.acknowledged_at, r.submitted_at,
      (select d.name from reporting.org_directory d where d.tenant_id = m.tenant_id and d.org_id = m.branch_id) as branch_name
    ${from}
    order by (r.id is not null), m.name, m.member_id
    limit ${input.limit} offset ${input.offset}`);
  return {
    total: count?.n ?? 0,
    offset: input.offset,
    limit: input.limit,
    items: rows.map((row) => ({
      memberId: row.member_id,
      name: row.name,
      branchId: row.branch_id,
      branchName: row.branch_name ?? '',
      memberStatus: row.status,
      reported: row.report_id !== null,
      reportId: row.report_id ?? null,
      acknowledged: row.acknowledged_at != null,
      submittedAt: row.submitted_at ? new Date(row.submitted_at) : null,
    })),
  };
}
