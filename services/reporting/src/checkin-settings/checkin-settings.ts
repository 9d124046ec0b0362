import type { Tx } from '@tongxin/db';
import { eq } from 'drizzle-orm';
import { DEFAULT_GRANT_FIELDS, GRANTABLE_FIELDS, type GrantableField } from '../checkins/checkin-rules.ts';
import { checkinSettings } from '../schema.ts';

export interface CheckinSettings {
  /** The fields a check-in from this county grants, in the ledger's order. */
  grantFields: GrantableField[];
  /** What the county may choose from. */
  allowed: GrantableField[];
  updatedAt: Date | null;
}

/** The ledger's order, whatever order the caller sent: the grant and the form list fields alike. */
function inLedgerOrder(fields: readonly string[]): GrantableField[] {
  return GRANTABLE_FIELDS.filter((field) => fields.includes(field));
}

/** The fields a check-in of this county grants: its own choice, or the defaults when it made none. */
export async function readGrantFields(tx: Tx, tenantId: string): Promise<GrantableField[]> {
  const [row] = await tx.select({ grantFields: checkinSettings.grantFields }).from(checkinSettings).where(eq(checkinSettings.tenantId, tenantId));
  // A field no longer grantable (the list narrowed since the save) is dropped, never granted.
  return row ? inLedgerOrder(row.grantFields) : [...DEFAULT_GRANT_FIELDS];
}

export async function readCheckinSettings(tx: Tx, tenantId: string): Promise<CheckinSettings> {
  const [row] = await tx
    .select({ grantFields: checkinSettings.grantFields, updatedAt: checkinSettings.updatedAt })
    .from(checkinSettings)
    .where(eq(checkinSettings.tenantId, tenantId));
  return {
    grantFields: row ? inLedgerOrder(row.grantFields) : [...DEFAULT_GRANT_FIELDS],
    allowed: [...GRANTABLE_FIELDS],
    updatedAt: row?.updatedAt ?? null,
  };
}

/** Saves the county's choice; the router has checked it against GRANTABLE_FIELDS. Applies to check-ins requested from now on. */
export async function saveCheckinSettings(tx: Tx, tenantId: string, by: string, grantFields: readonly GrantableField[], now: Date): Promise<CheckinSettings> {
  const values = { grantFields: inLedgerOrder(grantFields), updatedBy: by, updatedAt: now };
  await tx.insert(checkinSettings).values({ tenantId, ...values }).onConflictDoUpdate({ target: [checkinSettings.tenantId], set: values });
  return readCheckinSettings(tx, tenantId);
}
