import { rollupTables } from '@tongxin/rollups';
import { scoring } from './scope.ts';

/** The scoring figures the department's and the city's views read (`@tongxin/rollups`, issue 15). */
export const { rollups, rollupMarks, rollupMonths } = rollupTables(scoring);
