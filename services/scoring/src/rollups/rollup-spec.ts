import type { MonthWindow, RollupSpec } from '@tongxin/rollups';
import { sql } from 'drizzle-orm';
import { rollupMarks, rollupMonths, rollups } from '../schema.ts';

/**
 * scoring's rollups (issue 15), per tenant and month, under each member's path (the member copy):
 * - `points`: the sum of the ledger's entries of the month's period (the China month of the
 *   activity's own time, what caps and rankings count by; a correction in its own period),
 *   and `membersWithPoints`: members whose entries of the month add up to more than 0;
 * - `proposed:<grade>` (`proposed:none`: no proposal, the branch decides) / `confirmed:<grade>`: the evaluations of the month's year, as they
 *   stood at the month's end (proposed, confirmed by then); December keeps the year's
 *   evaluation as it stands now, since a year is confirmed in the months after it (the
 *   generated `closing_month` marks December when it changes).
 * Study earns nothing: only the ledger's entries count, never a figure of their own.
 */
export const scoringRollups: RollupSpec = {
  tables: { rollups, rollupMarks, rollupMonths },
  leaves: (tenantId: string, window: MonthWindow) => {
    const year = Number(window.month.slice(0, 4));
    // By the month's end; the month now running and December take every change so far.
    const by = window.current || window.month.endsWith('-12') ? sql`'infinity'::timestamptz` : sql`${window.end.toISOString()}::timestamptz`;
    return sql`
      select m.org_path, f.figure, sum(f.value)
      from (
        select l.member_id, sum(l.points)::float8 as points
        from scoring.points_ledger l
        where l.tenant_id = ${tenantId} and l.period = ${window.month}
        group by l.member_id
      ) p
      join scoring.members m on m.tenant_id = ${tenantId} and m.member_id = p.member_id
      cross join lateral (values ('points', p.points), ('membersWithPoints', case when p.points > 0 then 1 else 0 end::float8)) as f (figure, value)
      group by m.org_path, f.figure
      union all
      select m.org_path, f.figure, count(*)::float8
      from scoring.evaluations e
      join scoring.members m on m.tenant_id = e.tenant_id and m.member_id = e.member_id
      cross join lateral (values
        ('proposed:' || coalesce(e.proposed_grade, 'none'), e.proposed_at < ${by}),
        ('confirmed:' || e.final_grade, e.final_grade is not null and e.confirmed_at < ${by})) as f (figure, counted)
      where e.tenant_id = ${tenantId} and e.year = ${year} and f.counted
      group by m.org_path, f.figure`;
  },
};
