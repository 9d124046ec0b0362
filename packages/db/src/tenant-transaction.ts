import { sql } from 'drizzle-orm';
import type { Database, Tx } from './database.ts';
import { SCOPE_SETTINGS, type Shape } from './unit/scoped-client.ts';

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
  /** The platform operator: only identity's tenant registry and invitations honour it. */
  operator?: boolean;
}

export class OwnerRoleRefused extends Error {
  constructor(role: string) {
    super(`refusing to run request code as "${role}": it owns tables, is a superuser or bypasses RLS (or may become a role that does)`);
    this.name = 'OwnerRoleRefused';
  }
}

const checkedRoles = new WeakMap<Database, Promise<void>>();

/**
 * The only way request code reaches the database: a transaction that drops to the
 * non-owner app role and sets tenant, user and org scope for the row-level policies.
 *
 * On a server the scope rides with the statements (issue 16, unit/scoped-client.ts): a
 * `read` sends scope + statement in one round trip per statement, each statement with its
 * own snapshot; a `write` (the default) is one transaction whose BEGIN and scope go with its
 * first statement. Either way the scope is transaction-local and gone when it ends.
 */
export async function tenantTransaction<T>(database: Database, scope: Scope, work: (tx: Tx) => Promise<T>, shape: Shape = 'write'): Promise<T> {
  await ensureAppRoleIsUnprivileged(database);
  if (database.connect) return pooledTransaction(database, scope, work, shape);
  // PGlite: no round trips to save, one transaction.
  return database.owner.transaction(async (tx) => {
    const assignments = settings(database, scope).map((value, index) => sql`set_config(${SCOPE_SETTINGS[index]}, ${value}, true)`);
    await tx.execute(sql`select ${sql.join(assignments, sql`, `)}`);
    return work(tx);
  });
}

/** The scope's values, in the order of SCOPE_SETTINGS (each setting named once, there). */
function settings(database: Database, scope: Scope): string[] {
  const values: Record<(typeof SCOPE_SETTINGS)[number], string> = {
    role: database.appRole,
    'app.tenant_id': scope.tenantId ?? '',
    'app.user_id': scope.userId ?? '',
    'app.org_ids': (scope.orgIds ?? []).join(','),
    'app.tenant_wide': scope.tenantWide ? 'on' : '',
    'app.operator': scope.operator ? 'on' : '',
  };
  return SCOPE_SETTINGS.map((setting) => values[setting]);
}

/**
 * drizzle's own transaction on a pooled connection whose client is armed with the scope: the
 * client holds drizzle's `begin` back and sends it (write) or drops it (read) with the scope.
 * A connection that was left in a transaction or failed to end one goes back as broken, so the
 * pool drops it and no scope outlives the request.
 */
async function pooledTransaction<T>(database: Database, scope: Scope, work: (tx: Tx) => Promise<T>, shape: Shape): Promise<T> {
  const connection = await database.connect!();
  connection.scoped.arm(shape, settings(database, scope));
  try {
    return await connection.db.transaction(work);
  } finally {
    connection.release(connection.scoped.disarm());
  }
}

/** Checked once per database handle: the role must not own tables nor bypass RLS, nor be able to become a role that does. */
function ensureAppRoleIsUnprivileged(database: Database): Promise<void> {
  let check = checkedRoles.get(database);
  if (!check) {
    check = inspectRole(database);
    checkedRoles.set(database, check);
    // A refusal is final; a database that could not be reached is asked again next time.
    check.catch((error) => !(error instanceof OwnerRoleRefused) && checkedRoles.delete(database));
  }
  return check;
}

async function inspectRole(database: Database): Promise<void> {
  const role = database.appRole;
  // A role that may SET ROLE to one that bypasses RLS (tongxin_system) is as privileged.
  const result = await database.owner.execute(sql`select
      coalesce((select bool_or(p.rolsuper or p.rolbypassrls) from pg_roles r join pg_roles p on pg_has_role(r.oid, p.oid, 'MEMBER')
        where r.rolname = ${role}), true) as privileged,
      exists (select 1 from pg_tables where tableowner = ${role}) as owns_tables`);
  const row = result.rows[0] as { privileged: boolean; owns_tables: boolean } | undefined;
  if (!row || row.privileged || row.owns_tables) throw new OwnerRoleRefused(role);
}
