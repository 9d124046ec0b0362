import type { Tx } from '@tongxin/db';
import { badField } from '@tongxin/errors';
import { isRateBand, NATIONAL_DUES_TABLE, type DuesBand, type DuesRate } from '@tongxin/ledger';
import { eq } from 'drizzle-orm';
import { duesRates } from '../schema.ts';

export interface CountyDuesRate extends DuesRate {
  /** False while the line is the national standard (the department never changed it). */
  county: boolean;
}

/** The county's dues table: its department's lines, the national standard for the others. */
export async function readDuesTable(tx: Tx, tenantId: string): Promise<CountyDuesRate[]> {
  const rows = await tx.select().from(duesRates).where(eq(duesRates.tenantId, tenantId));
  const own = new Map(rows.map((row) => [row.band, row]));
  return NATIONAL_DUES_TABLE.map((line) => {
    const row = own.get(line.band);
    return row ? { band: line.band, rateBp: row.rateBp, fixedFen: row.fixedFen, county: true } : { ...line, county: false };
  });
}

export interface SetDuesRateInput {
  band: DuesBand;
  rateBp?: number | null | undefined;
  fixedFen?: number | null | undefined;
}

/**
 * The department sets one line of its county's table. An income band takes a rate, the fixed
 * bands an amount (BAD_REQUEST dues_rate_kind on the field given wrongly). Setting a line to
 * what it is changes nothing, so a retry needs no key.
 */
export async function setDuesRate(tx: Tx, tenantId: string, userId: string, input: SetDuesRateInput, now: Date): Promise<CountyDuesRate[]> {
  const rateBand = isRateBand(input.band);
  const rateBp = input.rateBp ?? null;
  const fixedFen = input.fixedFen ?? null;
  if (rateBand && (rateBp === null || fixedFen !== null)) throw badField(rateBp === null ? 'rateBp' : 'fixedFen', 'dues_rate_kind');
  if (!rateBand && (fixedFen === null || rateBp !== null)) throw badField(fixedFen === null ? 'fixedFen' : 'rateBp', 'dues_rate_kind');
  await tx
    .insert(duesRates)
    .values({ tenantId, band: input.band, rateBp, fixedFen, updatedBy: userId, updatedAt: now })
    .onConflictDoUpdate({ target: [duesRates.tenantId, duesRates.band], set: { rateBp, fixedFen, updatedBy: userId, updatedAt: now } });
  return readDuesTable(tx, tenantId);
}
