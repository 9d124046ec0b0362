import { sql } from 'drizzle-orm';
import type { Database, Tx } from './database.ts';

/**
 * Who a transaction acts for. Policies read these with
 * `nullif(current_setting('app.…', true), '')`, so an unset value matches no tenant row.
 */
export interface Scope {
  tenantId: string | null;
  userId?: string | null;
  /** Orgs whose subtree the caller may read (a secretary's orgs). */
  orgIds?: readonly string[];
  /** The whole tenant (a department, or system work such as an event consumer). */
  tenantWide?: boolean;
}

export class OwnerRoleRefused extends Error {
  constructor(role: string) {
    super(`refusing to run request code as "${role}": it owns tables, is a superuser or bypasses RLS`);
    this.name = 'OwnerRoleRefused';
  }
}

const checkedRoles = new WeakMap<Database, Promise<void>>();

/**
 * The only way request code reaches the database: a transaction that drops to the
 * non-owner app role and sets tenant, user and org scope for the row-level policies.
 */
export async function tenantTransaction<T>(database: Database, scope: Scope, work: (tx: Tx) => Promise<T>): Promise<T> {
  await ensureAppRoleIsUnprivileged(database);
  return database.owner.transaction(async (tx) => {
    // set_config('role', …, true) is SET LOCAL ROLE in a form that takes a parameter.
    await tx.execute(sql`select
      set_config('role', ${database.appRole}, true),
      set_config('app.tenant_id', ${scope.tenantId ?? ''}, true),
      set_config('app.user_id', ${scope.userId ?? ''}, true),
      set_config('app.org_ids', ${(scope.orgIds ?? []).join(',')}, true),
      set_config('app.tenant_wide', ${scope.tenantWide ? 'on' : ''}, true)`);
    return work(tx);
  });
}

/** Checked once per database handle: the role must not own tables nor bypass RLS. */
function ensureAppRoleIsUnprivileged(database: Database): Promise<void> {
  let check = checkedRoles.get(database);
  if (!check) {
    check = inspectRole(database);
    checkedRoles.set(database, check);
  }
  return check;
}

async function inspectRole(database: Database): Promise<void> {
  const role = database.appRole;
  const result = await database.owner.execute(sql`select
      coalesce((select rolsuper or rolbypassrls from pg_roles where rolname = ${role}), true) as privileged,
      exists (select 1 from pg_tables where tableowner = ${role}) as owns_tables`);
  const row = result.rows[0] as { privileged: boolean; owns_tables: boolean } | undefined;
  if (!row || row.privileged || row.owns_tables) throw new OwnerRoleRefused(role);
}
