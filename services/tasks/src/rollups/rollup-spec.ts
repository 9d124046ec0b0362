import type { RollupSpec } from '@tongxin/rollups';
import { sql } from 'drizzle-orm';
import { rollupMarks, rollupMonths, rollups } from '../schema.ts';

/**
 * tasks's rollups (issue 15): the leaves are (org_path, figure, value) rows of one tenant and month.
 * SCAFFOLD: the figures of `ROLLUP_FIGURES.tasks` are not computed yet.
 */
export const tasksRollups: RollupSpec = {
  tables: { rollups, rollupMarks, rollupMonths },
  leaves: () => sql`select null::text, null::text, 0::float8 where false`,
};
