import { sql, type SQL } from 'drizzle-orm';

/**
 * What counts toward the yearly in-person rule (brief: at least one meeting in person a year):
 * an `in_person` attendance at a meeting not cancelled that started in [from, to). The
 * condition over `reporting.attendance a` joined to `reporting.meetings mt`; yearlyInPerson and
 * the rollups' noInPersonThisYear both read it, so the overview and the meeting page agree.
 */
export function attendedInPerson(from: Date, to: Date): SQL {
  return sql`a.attendance = 'in_person' and mt.cancelled_at is null
    and mt.starts_at >= ${from.toISOString()}::timestamptz and mt.starts_at < ${to.toISOString()}::timestamptz`;
}
