export * from './contract.ts';
export { rollupTables, type CityGrants, type RollupTables } from './tables.ts';
export { recomputeMonth, refreshRollups, rebuildRollups, markCurrentMonth, markMonths, monthWindow, rollupLagSeconds, type RollupSpec, type MonthWindow } from './refresh.ts';
export { readRollup, ZRollupInput, ROLLUP_PROMISE_SECONDS, type RollupInput, type RollupQuery } from './read-rollup.ts';
export { readCityCounties, readCountyRollup, requireCountyGrant, ZCityCountiesInput, ZCountyRollupInput, type CityCountiesInput, type CountyRollupInput, type CityQuery } from './read-city.ts';
