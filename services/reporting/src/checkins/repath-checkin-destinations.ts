import type { Tx } from '@tongxin/db';
import { sql } from 'drizzle-orm';

/**
 * `roster.org_moved` in the destination's county: check-ins addressed to the moved subtree
 * follow it, also those of members of other counties. Those rows are the member's county's,
 * which alone updates them (issue 13 D), so the destination's consumer re-paths them through
 * `reporting.repath_checkin_destinations` (repath-checkin-destinations.sql), which takes only its own county's
 * destination paths and only from tenant-wide work. Returns how many check-ins moved.
 */
export async function repathCheckinDestinations(tx: Tx, fromPath: string, toPath: string): Promise<number> {
  const { rows } = await tx.execute(sql`select reporting.repath_checkin_destinations(${fromPath}::text, ${toPath}::text) as moved`);
  return Number((rows[0] as { moved: number }).moved);
}
