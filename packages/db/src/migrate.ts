import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migrateNeon } from 'drizzle-orm/neon-serverless/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { Database } from './database.ts';
import { ensureAppRole, grantAppRole } from './roles.ts';

/** A service's drizzle-kit migrations: its own Postgres schema and its own journal table. */
export interface ServiceMigrations {
  schema: string;
  folder: string;
}

const migrators = { pglite: migratePglite, neon: migrateNeon, pg: migratePg } as const;

/** Applies every service's migrations as the owner, then grants the request role its rows. */
export async function migrateAll(database: Database, services: readonly ServiceMigrations[]): Promise<void> {
  await ensureAppRole(database);
  const migrate = migrators[database.driver] as (db: unknown, config: object) => Promise<void>;
  for (const service of services) {
    await migrate(database.owner, {
      migrationsFolder: service.folder,
      // Journals live in `drizzle`: a journal inside the service schema would make the
      // generated `CREATE SCHEMA` of the first migration collide with it.
      migrationsSchema: 'drizzle',
      migrationsTable: `migrations_${service.schema}`,
    });
  }
  await grantAppRole(database, services.map((s) => s.schema));
}
