import { type Tx, selectRows } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { staffScope } from '../schema/scope.ts';
import { yearRange } from '@tongxin/calendar';

export type OutcomeLevel = 'tenant' | 'township' | 'branch';

export interface OutcomeRow {
  orgId: string;
  orgName: string;
  level: OutcomeLevel;
  kind: string;
  unit: string | null;
  amount: number;
  completions: number;
}

/**
 * Outcome figures for the hometown (issue 7): the numbers in approved completions (boxes and
 * orders sold, jobs found, yuan donated), by kind and unit, for every org on the publishing
 * org's path: the county (tenant), the township, and the branch or flow organization. A task
 * of a branch counts for the branch, its township and the county. Only orgs in the caller's
 * subtree are reported (a township secretary is not shown a county total made of their
 * township alone); `orgId` narrows to one org's subtree. The unit is the one the claim was
 * promised; a completion without a number counts as a completion.
 */
export async function summarizeOutcomes(tx: Tx, tenantId: string, year: number, orgId?: string): Promise<{ rows: OutcomeRow[] }> {
  const { start, end } = yearRange(year);
  const rows = await selectRows<OutcomeRow>(tx, sql`
    with approved as (
      select x.amount, c.task_kind as kind, c.target_unit as unit, x.task_org_path as path
      from tasks.completions x
      join tasks.claims c on c.tenant_id = x.tenant_id and c.id = x.claim_id
      where x.tenant_id = ${tenantId} and x.decision = 'approved' and x.decided_at >= ${start.toISOString()}::timestamptz and x.decided_at < ${end.toISOString()}::timestamptz
        and ${staffScope(sql`x.task_org_path`)}
    )
    select o.org_id as "orgId", o.name as "orgName",
      case when o.kind in ('department', 'county') then 'tenant' when o.kind in ('township', 'street') then 'township' else 'branch' end as level,
      a.kind, a.unit, coalesce(sum(a.amount), 0)::float8 as amount, count(*)::int as completions
    from approved a
    cross join lateral unnest(string_to_array(trim(both '/' from a.path), '/')) as ancestor(id)
    join tasks.orgs o on o.tenant_id = ${tenantId} and o.org_id::text = ancestor.id
    where ${staffScope(sql`o.path`)} ${orgId ? sql`and position(${`/${orgId}/`} in o.path) > 0` : sql``}
    group by o.org_id, o.name, o.kind, o.path, a.kind, a.unit
    order by length(o.path), o.name, a.kind, a.unit`);
  return { rows };
}

