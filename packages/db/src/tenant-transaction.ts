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
 */
export async function tenantTransaction<T>(database: Database, scope: Scope, work: (tx: Tx) => Promise<T>): Promise<T> {
  await ensureAppRoleIsUnprivileged(database);
  if (database.connect) return pooledTransaction(database, scope, work);
  return database.owner.transaction(async (tx) => {
    // set_config('role', …, true) is SET LOCAL ROLE in a form that takes a parameter.
    const assignments = settings(database, scope).map(([name, value]) => sql`set_config(${name}, ${value}, true)`);
    await tx.execute(sql`select ${sql.join(assignments, sql`, `)}`);
    return work(tx);
  });
}

function settings(database: Database, scope: Scope): [string, string][] {
  return [
    ['role', database.appRole],
    ['app.tenant_id', scope.tenantId ?? ''],
    ['app.user_id', scope.userId ?? ''],
    ['app.org_ids', (scope.orgIds ?? []).join(',')],
    ['app.tenant_wide', scope.tenantWide ? 'on' : ''],
    ['app.operator', scope.operator ? 'on' : ''],
  ];
}

/**
 * The same transaction on a pooled server connection, with `begin` and the settings sent
 * as one simple-protocol query: one round trip fewer per request (the `me` benchmark
 * counts four otherwise: begin, settings, the query, commit).
 */
async function pooledTransaction<T>(database: Database, scope: Scope, work: (tx: Tx) => Promise<T>): Promise<T> {
  const connection = await database.connect!();
  const literal = connection.escapeLiteral;
  const assignments = settings(database, scope).map(([name, value]) => `set_config(${literal(name)}, ${literal(value)}, true)`);
  let broken: Error | undefined;
  try {
    await connection.simpleQuery(`begin; select ${assignments.join(', ')}`);
    const result = await work(connection.db as unknown as Tx);
    await connection.simpleQuery('commit');
    return result;
  } catch (error) {
    // A connection that cannot even roll back is released as broken, so the pool drops it.
    await connection.simpleQuery('rollback').catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    connection.release(broken);
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
