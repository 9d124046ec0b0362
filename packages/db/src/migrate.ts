import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migrateNeon } from 'drizzle-orm/neon-serverless/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { Database } from './database.ts';
import { ensureAppRole, ensureSystemRole, grantAppRole, grantSystemRole } from './roles.ts';

/** A service's drizzle-kit migrations: its own Postgres schema and its own journal table. */
export interface ServiceMigrations {
  schema: string;
  folder: string;
}

const migrators = { pglite: migratePglite, neon: migrateNeon, pg: migratePg } as const;

/**
 * Applies every service's migrations as the owner, then grants the request role its rows and
 * the system role every row and the SECURITY DEFINER functions. The system role is checked
 * first, so a deployment whose owner cannot act as it stops before changing anything.
 */
export async function migrateAll(database: Database, services: readonly ServiceMigrations[]): Promise<void> {
  await ensureAppRole(database);
  await ensureSystemRole(database);
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
  const schemas = services.map((s) => s.schema);
  await grantAppRole(database, schemas);
  await grantSystemRole(database, schemas);
}
