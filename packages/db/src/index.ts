export type { Database, Db, Tx, DriverName } from './database.ts';
export { APP_ROLE, SYSTEM_ROLE } from './database.ts';
export { SystemRoleMissing } from './roles.ts';
export { openDatabase, type OpenDatabaseOptions } from './open-database.ts';
export { tenantTransaction, OwnerRoleRefused, type Scope } from './tenant-transaction.ts';
export { migrateAll, type ServiceMigrations } from './migrate.ts';
export { tenantPolicy, currentTenant, currentUser, tenantWide, currentOrgIds, pathInScope } from './tenant-policy.ts';
export * from './outbox.ts';
export { ping } from './ping.ts';
