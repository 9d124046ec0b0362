import { cityGrantCopyTable } from '@tongxin/copies';
import { rollupTables } from '@tongxin/rollups';
import { roster } from './scope.ts';

/** The roster figures the department's and the city's views read (`@tongxin/rollups`, issue 15),
 * and identity's grants of each county to its city (@tongxin/copies): the city reads a county's rollups while its grant stands. */
export const cityGrants = cityGrantCopyTable(roster);
export const { rollups, rollupMarks, rollupMonths } = rollupTables(roster, cityGrants);
