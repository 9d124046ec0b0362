import { chinaYear, yearRange } from '@tongxin/calendar';
import type { MonthWindow, RollupSpec } from '@tongxin/rollups';
import { sql, type SQL } from 'drizzle-orm';
import { attendedInPerson } from '../meetings/in-person.ts';
import { requiredToReport } from '../monthly-reports/reporting-status.ts';
import { rollupMarks, rollupMonths, rollups } from '../schema.ts';

/** 三会一课: the members' meeting, the branch committee, the party group and the party lecture. */
export const THREE_MEETINGS_ONE_LESSON = ['members_meeting', 'branch_committee', 'party_group', 'party_lecture'] as const;

/**
 * 红黄绿, one branch's organizational life in a month (brief: flow organizations run 三会一课,
 * 主题党日, democratic appraisal and organizational-life meetings). A month asks for its themed
 * party day (主题党日, held monthly) and one of 三会一课 (the committee and the party group meet
 * monthly, the members' meeting and the lecture quarterly, so at least one falls in every
 * month). Green: both held; amber: something held but not both; red: nothing held. Only the
 * branch's own meetings count (a township's meeting is the township's); the month now running
 * counts what has started so far. `held` is a row of the month's meetings at the branch's path.
 */
export function organizationalLifeState(held: { themedPartyDay: SQL; threeMeetings: SQL; any: SQL }): SQL {
  return sql`case when ${held.themedPartyDay} and ${held.threeMeetings} then 'branchesGreen'
    when ${held.any} then 'branchesAmber' else 'branchesRed' end`;
}

const kinds = (list: readonly string[]) => sql.raw(list.map((kind) => `'${kind}'`).join(', '));

/** Has it happened by the window's "as of"? A past month's end is the next month's first instant; the month now running counts up to now, inclusive. */
const happenedBy = (column: SQL, w: MonthWindow) => (w.current ? sql`${column} <= ${w.asOf.toISOString()}::timestamptz` : sql`${column} < ${w.end.toISOString()}::timestamptz`);

/**
 * The leaves of one tenant and month. Runs as `tongxin_system`, so every part names its
 * tenant itself: no policy filters. The member figures read reporting's copy of the members
 * as it is now (as the reporting rate does: the copy keeps no history; a past month keeps the
 * figures it was last computed with until a rebuild).
 */
function leaves(tenantId: string, w: MonthWindow): SQL {
  const startedInMonth = sql`mt.starts_at >= ${w.start.toISOString()}::timestamptz and ${happenedBy(sql`mt.starts_at`, w)}`;
  // Accepted and not ended at the window's end: the check-in holds the grant then.
  const checkedIn = sql`c.dest_tenant_id = ${tenantId} and c.status in ('accepted', 'ended') and ${happenedBy(sql`c.decided_at`, w)}
    and (c.ended_at is null or not ${happenedBy(sql`c.ended_at`, w)})`;
  const year = yearRange(chinaYear(w.start));
  return sql`
    -- Reports: of the members required to report (the reporting rate's rule), by the member's path.
    select m.org_path, f.figure, count(*)::float8
    from reporting.members m
    left join reporting.monthly_reports r on r.tenant_id = m.tenant_id and r.member_id = m.member_id and r.period = ${w.month}
    cross join lateral (values ('reportsDue', true), ('reportsSubmitted', r.id is not null), ('reportsAcknowledged', r.acknowledged_at is not null)) f (figure, counts)
    where m.tenant_id = ${tenantId} and ${requiredToReport('m')} and f.counts
    group by 1, 2
    union all
    select mt.org_path, 'meetingsHeld', count(*)::float8
    from reporting.meetings mt
    where mt.tenant_id = ${tenantId} and mt.cancelled_at is null and ${startedInMonth}
    group by 1
    union all
    -- A branch that must hold organizational life: one with members on its roster, or a flow organization with members checked in.
    select b.path, ${organizationalLifeState({ themedPartyDay: sql`coalesce(h.themed, false)`, threeMeetings: sql`coalesce(h.three, false)`, any: sql`h.path is not null` })}, 1::float8
    from (
      select m.org_path as path from reporting.members m where m.tenant_id = ${tenantId} and m.status <> 'transferred_out'
      union
      select c.dest_org_path from reporting.checkins c where ${checkedIn}
    ) b
    left join (
      select mt.org_path as path, bool_or(mt.kind = 'themed_party_day') as themed, bool_or(mt.kind in (${kinds(THREE_MEETINGS_ONE_LESSON)})) as three
      from reporting.meetings mt
      where mt.tenant_id = ${tenantId} and mt.cancelled_at is null and ${startedInMonth}
      group by 1
    ) h on h.path = b.path
    union all
    -- The yearly in-person rule (yearlyInPerson's): members expected at meetings, none attended in person since 1 January.
    select m.org_path, 'noInPersonThisYear', count(*)::float8
    from reporting.members m
    where m.tenant_id = ${tenantId} and m.status <> 'transferred_out'
      and not exists (
        select 1 from reporting.attendance a
        join reporting.meetings mt on mt.tenant_id = a.tenant_id and mt.id = a.meeting_id
        where a.tenant_id = m.tenant_id and a.member_id = m.member_id and ${attendedInPerson(year.start, w.current ? new Date(w.asOf.getTime() + 1) : w.end)})
    group by 1
    union all
    -- Check-ins addressed to this county's orgs, whichever county the member is from: by the destination's path.
    select c.dest_org_path, 'checkedInHere', count(*)::float8
    from reporting.checkins c
    where ${checkedIn}
    group by 1`;
}

/** reporting's rollups (issue 15): the leaves are (org_path, figure, value) rows of one tenant and month. */
export const reportingRollups: RollupSpec = {
  tables: { rollups, rollupMarks, rollupMonths },
  leaves,
};
