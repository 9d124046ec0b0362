import type { Tx } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import type { Caller } from '@tongxin/trpc';

/**
 * Adds orgs to this transaction's secretary scope, for a move the caller is entitled to
 * make but RLS cannot see whole: a member moved into a branch outside the caller's subtree
 * (a confirmed placement into the sibling mobile-member branch; a transfer accepted by the
 * receiving branch, who cannot see the member in the origin branch). Call it only after the
 * entitlement was checked on rows the caller's own scope shows (the proposal, the approved
 * transfer); the setting ends with the transaction. The department is tenant-wide already.
 */
export async function widenOrgScope(tx: Tx, caller: Caller, orgIds: readonly string[]): Promise<void> {
  if (caller.department) return;
  const scope = [...new Set([...caller.orgIds, ...orgIds])].join(',');
  await tx.execute(sql`select set_config('app.org_ids', ${scope}, true)`);
}
