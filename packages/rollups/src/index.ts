export * from './contract.ts';
export { rollupTables, type RollupTables } from './tables.ts';
export { recomputeMonth, refreshRollups, rebuildRollups, markCurrentMonth, markMonths, monthWindow, rollupLagSeconds, type RollupSpec, type MonthWindow } from './refresh.ts';
export { readRollup, ZRollupInput, ROLLUP_PROMISE_SECONDS, type RollupInput, type RollupQuery } from './read-rollup.ts';
