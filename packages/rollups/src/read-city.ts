import { addMonths, chinaMonth, isMonth } from '@tongxin/calendar';
import { selectRow, selectRows, type Tx } from '@tongxin/db';
import { DomainError, badField } from '@tongxin/errors';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { CityCountiesAnswer, CityCounty, RollupAnswer } from './contract.ts';
import { readRollup, ZRollupInput } from './read-rollup.ts';
import type { CityGrants, RollupTables } from './tables.ts';

// The city's view (issue 15): a city's department reads the rollups of the counties whose grant
// to it stands, aggregates only. RLS already shows the city nothing else (`rollup_city`); these
// reads also name the county only from the grants copy, so a county without a standing grant,
// an unknown one or an org outside it is NOT_FOUND, never figures.

export const ZCityCountiesInput = z.object({ month: z.string().refine(isMonth, { message: 'YYYY-MM' }) });
export type CityCountiesInput = z.infer<typeof ZCityCountiesInput>;

/** `rollups.countyOverview`: the overview's input with the county it is about. */
export const ZCountyRollupInput = ZRollupInput.extend({ countyId: z.string().regex(/^\d{6}$/, { message: 'a division code' }) });
export type CountyRollupInput = z.infer<typeof ZCountyRollupInput>;

export interface CityQuery {
  /** The caller's tenant: the city. */
  cityId: string;
  now: Date;
}

type RootRow = { countyId: string; month: string; figure: string; value: number };

/** The counties whose grant to `cityId` stands in this service's copy, by id. */
async function grantingCounties(tx: Tx, grants: CityGrants, cityId: string): Promise<string[]> {
  const rows = await selectRows<{ countyId: string }>(tx, sql`select tenant_id as "countyId" from ${grants} where city_id = ${cityId} and standing order by tenant_id`);
  return rows.map((r) => r.countyId);
}

/**
 * Every granting county's root figures for `month` and the month before: the counties side by
 * side. A county that granted but has no rollup yet is listed with no figures.
 */
export async function readCityCounties(tx: Tx, tables: RollupTables, grants: CityGrants, query: CityQuery & CityCountiesInput): Promise<CityCountiesAnswer> {
  if (query.month > chinaMonth(query.now)) throw badField('month', 'future_month');
  const countyIds = await grantingCounties(tx, grants, query.cityId);
  if (countyIds.length === 0) return { month: query.month, counties: [] };
  const before = addMonths(query.month, -1);
  const ids = sql.join(countyIds.map((id) => sql`${id}`), sql`, `);
  const rows = await selectRows<RootRow>(
    tx,
    sql`select tenant_id as "countyId", month, figure, value from ${tables.rollups}
        where tenant_id in (${ids}) and parent_id is null and month in (${before}, ${query.month})`,
  );
  const refreshed = await selectRows<{ countyId: string; refreshedAt: string | Date }>(
    tx,
    sql`select tenant_id as "countyId", refreshed_at as "refreshedAt" from ${tables.rollupMonths} where tenant_id in (${ids}) and month = ${query.month}`,
  );
  const figuresOf = (countyId: string, month: string) =>
    Object.fromEntries(rows.filter((r) => r.countyId === countyId && r.month === month).map((r) => [r.figure, Number(r.value)]));
  const counties: CityCounty[] = countyIds.map((countyId) => {
    const at = refreshed.find((r) => r.countyId === countyId)?.refreshedAt;
    return { countyId, figures: figuresOf(countyId, query.month), previous: figuresOf(countyId, before), asOf: at ? new Date(at).toISOString() : null };
  });
  return { month: query.month, counties };
}

/** NOT_FOUND unless `countyId`'s grant to `cityId` stands in this service's copy: an unknown county reads the same. */
export async function requireCountyGrant(tx: Tx, grants: CityGrants, cityId: string, countyId: string): Promise<void> {
  const granted = await selectRow<{ one: number }>(tx, sql`select 1 as one from ${grants} where tenant_id = ${countyId} and city_id = ${cityId} and standing`);
  if (!granted) throw new DomainError('county_not_found', { message: 'No county has granted this city its figures under that id' });
}

/**
 * One granting county's overview, as the county's department reads its own (`readRollup`):
 * the county or one of its orgs, its trend and its children's figures (townships, then
 * branches), nothing below an org. The org is looked up in the county's rollups themselves.
 */
export async function readCountyRollup(tx: Tx, tables: RollupTables, grants: CityGrants, query: CityQuery & CountyRollupInput): Promise<RollupAnswer> {
  if (query.month > chinaMonth(query.now)) throw badField('month', 'future_month');
  await requireCountyGrant(tx, grants, query.cityId, query.countyId);
  let org: { path: string } | null = null;
  if (query.orgId) {
    const row = await selectRow<{ path: string }>(tx, sql`select org_path as path from ${tables.rollups} where tenant_id = ${query.countyId} and org_id = ${query.orgId} limit 1`);
    if (!row) throw new DomainError('org_not_found', { message: 'No such organization in that county' });
    org = row;
  }
  return readRollup(tx, tables, { tenantId: query.countyId, org, department: true, month: query.month, months: query.months, now: query.now });
}
