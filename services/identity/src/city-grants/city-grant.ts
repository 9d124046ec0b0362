import { recordEvent, type Tx } from '@tongxin/db';
import { DomainError } from '@tongxin/errors';
import { TOPICS } from '@tongxin/events';
import { and, eq, isNull } from 'drizzle-orm';
import { audit } from '../auth/audit.ts';
import { cityGrants, outbox, tenants, users } from '../schema.ts';

/** Who acts: the county's department (its tenant-wide transaction). */
export interface GrantActor {
  tenantId: string;
  userId: string;
}

export interface CityGrantState {
  /** The county's own city; the only one it can grant. */
  city: { id: string; name: string };
  /** The grant that stands, or null. */
  grant: { givenAt: string; givenBy: string } | null;
}

/**
 * The caller's county and its city, read from the registry: the city a grant goes to is never
 * taken from input. A city's (or the platform's) department has no city to grant: FORBIDDEN.
 */
async function countyCity(tx: Tx, tenantId: string): Promise<{ id: string; name: string }> {
  const [county] = await tx.select({ kind: tenants.kind, cityId: tenants.cityId }).from(tenants).where(eq(tenants.id, tenantId));
  if (county?.kind !== 'county') throw new DomainError('role_required', { params: { role: 'county department' }, message: "Only a county's department grants its city" });
  const [city] = county.cityId ? await tx.select({ id: tenants.id, name: tenants.name }).from(tenants).where(and(eq(tenants.id, county.cityId), eq(tenants.kind, 'city'))) : [];
  if (!city) throw new DomainError('city_not_found', { message: 'The county belongs to no city' });
  return city;
}

async function standingGrant(tx: Tx, tenantId: string, cityId: string) {
  const [row] = await tx
    .select({ id: cityGrants.id, givenAt: cityGrants.givenAt, givenBy: users.displayName })
    .from(cityGrants)
    .leftJoin(users, and(eq(users.tenantId, cityGrants.tenantId), eq(users.id, cityGrants.givenBy)))
    .where(and(eq(cityGrants.tenantId, tenantId), eq(cityGrants.cityId, cityId), isNull(cityGrants.revokedAt)));
  return row ?? null;
}

/** Whether the county's city holds the grant (issue 15). */
export async function readCityGrant(tx: Tx, tenantId: string): Promise<CityGrantState> {
  const city = await countyCity(tx, tenantId);
  const grant = await standingGrant(tx, tenantId, city.id);
  return { city, grant: grant ? { givenAt: grant.givenAt.toISOString(), givenBy: grant.givenBy ?? '' } : null };
}

/**
 * Gives the county's city the right to read the county's rollups (aggregates only, issue 15):
 * a new grant row, audited, and `identity.city_grant_changed` for the services' copies, in one
 * transaction. A grant that already stands is left as it is (a retried give changes nothing);
 * a concurrent give loses on the unique standing grant and reads the winner's.
 */
export async function giveCityGrant(tx: Tx, actor: GrantActor, now: Date): Promise<CityGrantState> {
  const city = await countyCity(tx, actor.tenantId);
  if (await standingGrant(tx, actor.tenantId, city.id)) return readCityGrant(tx, actor.tenantId);
  const given = await tx
    .insert(cityGrants)
    .values({ tenantId: actor.tenantId, cityId: city.id, givenBy: actor.userId, givenAt: now })
    .onConflictDoNothing()
    .returning({ id: cityGrants.id });
  if (given.length > 0) {
    await audit(tx, actor.tenantId, 'city_grant_given', now, { actorUserId: actor.userId, detail: { cityId: city.id } });
    await recordEvent(tx, outbox, actor.tenantId, TOPICS.identity.cityGrantChanged, { cityId: city.id, granted: true, at: now.toISOString() });
  }
  return readCityGrant(tx, actor.tenantId);
}

/**
 * Revokes the standing grant: the row keeps who revoked it and when (history), audited, and the
 * copies hear `identity.city_grant_changed` with `granted: false`. Nothing standing: nothing changes.
 */
export async function revokeCityGrant(tx: Tx, actor: GrantActor, now: Date): Promise<CityGrantState> {
  const city = await countyCity(tx, actor.tenantId);
  const revoked = await tx
    .update(cityGrants)
    .set({ revokedBy: actor.userId, revokedAt: now })
    .where(and(eq(cityGrants.tenantId, actor.tenantId), eq(cityGrants.cityId, city.id), isNull(cityGrants.revokedAt)))
    .returning({ id: cityGrants.id });
  if (revoked.length > 0) {
    await audit(tx, actor.tenantId, 'city_grant_revoked', now, { actorUserId: actor.userId, detail: { cityId: city.id } });
    await recordEvent(tx, outbox, actor.tenantId, TOPICS.identity.cityGrantChanged, { cityId: city.id, granted: false, at: now.toISOString() });
  }
  return { city, grant: null };
}
