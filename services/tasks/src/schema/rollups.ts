import { rollupTables } from '@tongxin/rollups';
import { tasks } from './scope.ts';

/** The tasks figures the department's and the city's views read (`@tongxin/rollups`, issue 15). */
export const { rollups, rollupMarks, rollupMonths } = rollupTables(tasks);
