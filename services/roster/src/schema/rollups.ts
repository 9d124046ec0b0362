import { rollupTables } from '@tongxin/rollups';
import { roster } from './scope.ts';

/** The roster figures the department's and the city's views read (`@tongxin/rollups`, issue 15). */
export const { rollups, rollupMarks, rollupMonths } = rollupTables(roster);
