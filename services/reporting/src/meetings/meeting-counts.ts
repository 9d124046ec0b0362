import { sql } from 'drizzle-orm';
import { attendance, meetings } from '../schema.ts';

/** Per-meeting tallies, as columns of a select over `meetings` (one correlated subquery each). */
export function meetingCounts() {
  const tally = (condition: ReturnType<typeof sql>) =>
    sql<number>`(select count(*)::int from ${attendance} a where a.tenant_id = ${meetings.tenantId} and a.meeting_id = ${meetings.id} and ${condition})`;
  return {
    // Expected: the org's members now (reporting keeps no per-meeting snapshot of the roster).
    members: sql<number>`(select count(*)::int from reporting.members m where m.tenant_id = ${meetings.tenantId}
      and m.org_path ~>=~ ${meetings.orgPath} and m.org_path ~<~ left(${meetings.orgPath}, -1) || '0' and m.status <> 'transferred_out')`,
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
