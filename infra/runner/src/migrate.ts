import { migrateAll } from '@tongxin/db';
import { openConfiguredDatabase } from './configured-database.ts';
import { serviceMigrations } from './services.ts';

// `npm run migrate`: applies every service's migrations to the configured database.
const { database, proxy } = await openConfiguredDatabase();
await migrateAll(database, serviceMigrations);
console.log(`migrated: ${serviceMigrations.map((m) => m.schema).join(', ')}`);
await database.close();
await proxy?.close();
