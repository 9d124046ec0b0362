import { recordEvent, type Tx } from '@tongxin/db';
import { TOPICS } from '@tongxin/events';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { audit } from '../auth/audit.ts';
import { outbox, tenants, tenantSetup } from '../schema.ts';
import { divisionCodeProblem } from './division-code.ts';
import { DomainError, badField } from '@tongxin/errors';

const PLATFORM = 'platform';

export interface NewTenant {
  kind: 'city' | 'county';
  id: string;
  name: string;
  cityId?: string | null;
}

/** Cities and counties with their state, for the operator (no people, no counts of them). */
export async function listTenantsForOperator(tx: Tx) {
  return tx
    .select({
      id: tenants.id,
      name: tenants.name,
      kind: tenants.kind,
      cityId: tenants.cityId,
      suspendedAt: tenants.suspendedAt,
      liveAt: tenantSetup.liveAt,
      createdAt: tenants.createdAt,
    })
    .from(tenants)
    .leftJoin(tenantSetup, eq(tenantSetup.tenantId, tenants.id))
    .where(inArray(tenants.kind, ['city', 'county']))
    .orderBy(asc(tenants.id));
}

/**
 * A city, or a county under a city. The county's root and organization department orgs
 * are made by roster from `identity.tenant_created` (written here, in the platform's
 * outbox, in the same transaction).
 */
export async function createTenant(tx: Tx, actorUserId: string, input: NewTenant, now: Date) {
  const problem = divisionCodeProblem(input.id, input.kind, input.cityId);
  if (problem) throw badField('id', problem.code, problem.params);
  if (input.kind === 'county') {
    if (!input.cityId) throw badField('cityId', 'required');
    const [city] = await tx.select({ kind: tenants.kind }).from(tenants).where(eq(tenants.id, input.cityId));
    if (city?.kind !== 'city') throw badField('cityId', 'city_not_found');
  }
  const created = await tx
    .insert(tenants)
    .values({ id: input.id, name: input.name, kind: input.kind, cityId: input.kind === 'county' ? input.cityId! : null, createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning({ id: tenants.id });
  if (created.length === 0) throw new DomainError('division_code_taken', { message: 'Division code already used' });
  await recordEvent(tx, outbox, PLATFORM, TOPICS.identity.tenantCreated, { tenantId: input.id, name: input.name, kind: input.kind, cityId: input.cityId ?? null });
  await audit(tx, PLATFORM, 'tenant_created', now, { actorUserId, detail: { tenantId: input.id, name: input.name, kind: input.kind } });
  return { id: input.id };
}

export async function renameTenant(tx: Tx, actorUserId: string, input: { id: string; name: string }, now: Date) {
  const [before] = await tx.select({ name: tenants.name }).from(tenants).where(and(eq(tenants.id, input.id), inArray(tenants.kind, ['city', 'county'])));
  if (!before) throw new DomainError('tenant_not_found', { message: 'No such tenant' });
  await tx.update(tenants).set({ name: input.name, updatedAt: now }).where(eq(tenants.id, input.id));
  await audit(tx, PLATFORM, 'tenant_renamed', now, { actorUserId, detail: { tenantId: input.id, from: before.name, to: input.name } });
}

/**
 * Suspends or resumes a tenant. Nothing is deleted; a suspended tenant's users cannot log
 * in nor refresh, so what they hold stops working within the access token's 60 s.
 */
export async function setSuspended(tx: Tx, actorUserId: string, id: string, suspended: boolean, now: Date) {
  const [row] = await tx
    .update(tenants)
    .set({ suspendedAt: suspended ? now : null, updatedAt: now })
    .where(and(eq(tenants.id, id), inArray(tenants.kind, ['city', 'county'])))
    .returning({ id: tenants.id });
  if (!row) throw new DomainError('tenant_not_found', { message: 'No such tenant' });
  await audit(tx, PLATFORM, suspended ? 'tenant_suspended' : 'tenant_resumed', now, { actorUserId, detail: { tenantId: id } });
}

/** Refused logins and refreshes: an unknown or suspended tenant. */
export async function tenantState(tx: Tx, tenantId: string): Promise<'active' | 'suspended' | 'unknown'> {
  const [row] = await tx.select({ suspendedAt: tenants.suspendedAt }).from(tenants).where(eq(tenants.id, tenantId));
  if (!row) return 'unknown';
  return row.suspendedAt ? 'suspended' : 'active';
}

