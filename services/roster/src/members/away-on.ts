import { sql, type SQL } from 'drizzle-orm';

/**
 * 流动党员 on a day: away from home (mobile or lost contact) and gone by that day (an
 * outflow registered ahead is not yet away). The one rule the roster's rollup counts by and
 * the roster list filters by, so a figure and the members behind it agree. `m` is
 * roster.members; `day` a China date (`YYYY-MM-DD`).
 */
export const awayOn = (day: string): SQL =>
  sql`(m.status in ('mobile', 'lost_contact') and (m.away_since is null or m.away_since <= ${day}::date))`;
