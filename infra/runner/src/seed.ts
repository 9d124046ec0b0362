import { parseArgs } from 'node:util';
import { migrateAll } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { openConfiguredDatabase } from './configured-database.ts';
import { benchmarkCounty } from './seed/county-plan.ts';
import { DEMO_PASSWORD } from './seed/demo-accounts.ts';
import { isEmpty, seedDemo, seedWithProgress } from './seed/seed-demo.ts';
import { serviceMigrations } from './services.ts';

// `npm run seed`: the demo data on an empty database; `-- --members N`: also a benchmark
// county of N members (tenant `benchN`).
const { values } = parseArgs({ options: { members: { type: 'string' } } });
const { database, proxy } = await openConfiguredDatabase();
await migrateAll(database, serviceMigrations);
if (await isEmpty(database)) await seedDemo(database, console.log);
if (values.members) {
  const members = Number(values.members);
  if (!Number.isInteger(members) || members < 1) throw new Error('--members must be a positive whole number');
  const plan = benchmarkCounty(members);
  await seedWithProgress(database, plan, console.log);
  console.log(`Accounts in county ${plan.tenantId} (password ${DEMO_PASSWORD}):`);
  for (const a of plan.accounts) console.log(`  account ${a.username}  ${a.role.padEnd(18)} ${a.name}`);
  // Fresh statistics after a bulk load: without them the planner guesses one row per
  // table and picks nested loops over 10,000 members until autovacuum catches up.
  // ANALYZE is the tables' owner's maintenance, not row access: the owner runs it.
  await database.owner.execute(sql`analyze`);
}
await database.close();
await proxy?.close();
