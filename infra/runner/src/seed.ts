import { parseArgs } from 'node:util';
import { migrateAll } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { openConfiguredDatabase } from './configured-database.ts';
import { chinaMonth, monthsEndingWith } from '@tongxin/calendar';
import { rebuildAllRollups } from './rollups/rollup-specs.ts';
import { seedBenchHistory } from './seed/seed-bench-history.ts';
import { benchmarkCounty } from './seed/county-plan.ts';
import { DEMO_PASSWORD } from './seed/demo-accounts.ts';
import { isEmpty, seedDemo, seedWithProgress } from './seed/seed-demo.ts';
import { serviceMigrations } from './services.ts';

// `npm run seed`: the demo data on an empty database; `-- --members N`: also a benchmark
// county of N members (tenant `benchN`); `-- --city C --members N --months M`: a benchmark
// city of C such counties (`benchN-1` … `benchN-C`), each with M months of history
// (monthly reports, meetings, tasks and claims), its rollups rebuilt.
const { values } = parseArgs({ options: { members: { type: 'string' }, city: { type: 'string' }, months: { type: 'string' } } });
const wholeNumber = (value: string | undefined, name: string, fallback: number) => {
  const n = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number`);
  return n;
};
const { database, proxy } = await openConfiguredDatabase();
await migrateAll(database, serviceMigrations);
if (await isEmpty(database)) await seedDemo(database, console.log);
if (values.members) {
  const members = wholeNumber(values.members, 'members', 0);
  if (members < 1) throw new Error('--members must be a positive whole number');
  const counties = wholeNumber(values.city, 'city', 0);
  const months = wholeNumber(values.months, 'months', 0);
  const plans = counties > 0 ? Array.from({ length: counties }, (_, i) => benchmarkCounty(members, i + 1)) : [benchmarkCounty(members)];
  for (const plan of plans) {
    await seedWithProgress(database, plan, console.log);
    if (months > 0) {
      const started = performance.now();
      const counts = await seedBenchHistory(database, plan.tenantId, months, new Date());
      console.log(`${plan.tenantId}: ${months} months of history ${JSON.stringify(counts)} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
      await rebuildAllRollups(database, plan.tenantId, monthsEndingWith(chinaMonth(new Date()), months + 1));
    }
    console.log(`Accounts in county ${plan.tenantId} (password ${DEMO_PASSWORD}):`);
    for (const a of plan.accounts) console.log(`  account ${a.username}  ${a.role.padEnd(18)} ${a.name}`);
  }
  // Fresh statistics after a bulk load: without them the planner guesses one row per
  // table and picks nested loops over 10,000 members until autovacuum catches up.
  // ANALYZE is the tables' owner's maintenance, not row access: the owner runs it.
  await database.owner.execute(sql`analyze`);
}
await database.close();
await proxy?.close();
