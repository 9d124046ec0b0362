import { parseArgs } from 'node:util';
import { chinaMonth, monthsEndingWith } from '@tongxin/calendar';
import { migrateAll } from '@tongxin/db';
import { identitySchema } from '@tongxin/identity';
import { eq } from 'drizzle-orm';
import { openConfiguredDatabase } from '../configured-database.ts';
import { serviceMigrations } from '../services.ts';
import { rebuildAllRollups, refreshAllRollups } from './rollup-specs.ts';

// `npm run rollups`: takes every marked month now (what the running host does every 15 s);
// `-- --rebuild [--tenant <id>] [--months 24]`: recomputes every county's (or one county's)
// months ending with this one from the base tables, from scratch.
const { values } = parseArgs({ options: { rebuild: { type: 'boolean' }, tenant: { type: 'string' }, months: { type: 'string', default: '24' } } });
const months = Number(values.months);
if (!Number.isInteger(months) || months < 1 || months > 120) throw new Error('--months must be a whole number from 1 to 120');
const { database, proxy } = await openConfiguredDatabase();
await migrateAll(database, serviceMigrations);
if (values.rebuild) {
  const counties = values.tenant
    ? [values.tenant]
    : (await database.system.select({ id: identitySchema.tenants.id }).from(identitySchema.tenants).where(eq(identitySchema.tenants.kind, 'county'))).map((t) => t.id);
  const span = monthsEndingWith(chinaMonth(new Date()), months);
  for (const [i, tenantId] of counties.entries()) {
    await rebuildAllRollups(database, tenantId, span);
    console.log(`rebuilt ${tenantId}: ${span[0]}…${span.at(-1)} (${i + 1}/${counties.length})`);
  }
} else {
  let total = 0;
  for (let done = await refreshAllRollups(database); done > 0; done = await refreshAllRollups(database)) total += done;
  console.log(`refreshed ${total} marked month(s)`);
}
await database.close();
await proxy?.close();
