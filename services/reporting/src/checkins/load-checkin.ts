import { pathInScope, type Tx } from '@tongxin/db';
import { DomainError } from '@tongxin/errors';
import { sql, type SQL } from 'drizzle-orm';
import { checkins } from '../schema.ts';

export type CheckinRow = typeof checkins.$inferSelect;

/** Which side of a check-in a caller acts for. RLS shows both sides' rows; an action names one. */
export type CheckinSide = 'destination' | 'home';

/**
 * The condition for "the caller's side of the row": the destination county's department or a
 * secretary of an org on dest_org_path, or the member's county's department or a secretary of
 * an org on the member's path. `orgIds` null = the department.
 */
export function sideCondition(side: CheckinSide, tenantId: string, orgIds: readonly string[] | null): SQL {
  const [tenantColumn, pathColumn] = side === 'destination' ? [checkins.destTenantId, checkins.destOrgPath] : [checkins.tenantId, checkins.orgPath];
  if (!orgIds) return sql`${tenantColumn} = ${tenantId}`;
  return sql`(${tenantColumn} = ${tenantId} and ${pathInScope(pathColumn, orgIds)})`;
}

const notFound = () => new DomainError('checkin_not_found', { message: 'No such check-in' });

/**
 * The check-in when `visible` holds. Any other row — another org's, another county's — is
 * NOT_FOUND, never a hint that it exists. Locked for a change only where the caller's county
 * may update it (its own rows): FOR UPDATE applies the UPDATE policy, which the destination's
 * county does not pass, so its functions (decide_checkin, end_checkin_as_destination) lock the
 * row themselves and re-check its state.
 */
export async function loadCheckin(tx: Tx, checkinId: string, visible: SQL, lock: Lock): Promise<CheckinRow> {
  const row = await findCheckin(tx, checkinId, visible, lock);
  if (!row) throw notFound();
  return row;
}

type Lock = 'for update' | 'no lock';

/** The same, or undefined: for a caller that tries its own county's row first (end-checkin.ts). */
export async function findCheckin(tx: Tx, checkinId: string, visible: SQL, lock: Lock): Promise<CheckinRow | undefined> {
  const query = tx.select().from(checkins).where(sql`${checkins.id} = ${checkinId} and ${visible}`);
  const [row] = lock === 'for update' ? await query.for('update') : await query;
  return row;
}

/**
 * The destination of a check-in to an org on Tongxin. A row loaded for its destination side has
 * one (the side condition names its county); one outside Tongxin (issue 17) is no county's to
 * decide, so it reads as not found.
 */
export function directoryDestination(row: CheckinRow): { tenantId: string; orgId: string; orgPath: string } {
  if (row.destTenantId === null || row.destOrgId === null || row.destOrgPath === null) throw notFound();
  return { tenantId: row.destTenantId, orgId: row.destOrgId, orgPath: row.destOrgPath };
}
