import { sql, type SQL } from 'drizzle-orm';

// Qualified by hand: drizzle writes a one-table select's columns unqualified, and inside these
// subqueries an unqualified tenant_id would mean the subquery's own table.
const meeting = sql.raw('reporting.meetings');

/** Per-meeting tallies, as columns of a select over `reporting.meetings` (one correlated subquery each). */
export function meetingCounts() {
  const tally = (condition: SQL) =>
    sql<number>`(select count(*)::int from reporting.attendance a where a.tenant_id = ${meeting}.tenant_id and a.meeting_id = ${meeting}.id and ${condition})`;
  return {
    // Expected: the org's members now (reporting keeps no per-meeting snapshot of the roster).
    members: sql<number>`(select count(*)::int from reporting.members m where m.tenant_id = ${meeting}.tenant_id
      and m.org_path ~>=~ ${meeting}.org_path and m.org_path ~<~ (left(${meeting}.org_path, -1) || '0') and m.status <> 'transferred_out')`,
    respondedInPerson: tally(sql`a.response = 'in_person'`),
    respondedOnline: tally(sql`a.response = 'online'`),
    cannotAttend: tally(sql`a.response = 'cannot_attend'`),
    inPerson: tally(sql`a.attendance = 'in_person'`),
    online: tally(sql`a.attendance = 'online'`),
    reported: tally(sql`a.attendance = 'reported'`),
    excused: tally(sql`a.attendance = 'excused'`),
    absent: tally(sql`a.attendance = 'absent'`),
  };
}
