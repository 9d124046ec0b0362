import { rollupTables } from '@tongxin/rollups';
import { reporting } from './scope.ts';

/** The reporting figures the department's and the city's views read (`@tongxin/rollups`, issue 15). */
export const { rollups, rollupMarks, rollupMonths } = rollupTables(reporting);
