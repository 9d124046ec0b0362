import { parseArgs } from 'node:util';
import { migrateAll } from '@tongxin/db';
import { openConfiguredDatabase } from './configured-database.ts';
import { benchmarkCounty } from './seed/county-plan.ts';
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
  await seedWithProgress(database, benchmarkCounty(members), console.log);
}
await database.close();
await proxy?.close();
