import { applySeatsChanged, COPY_TOPICS, type SeatsChanged } from '@tongxin/copies';
import { claimEvent, tenantTransaction, type Database, type DomainEvent, type Tx } from '@tongxin/db';
import { z } from 'zod';
import { linkAccount } from '../members/link-account.ts';
import { createCountyRoot } from '../orgs/create-county-root.ts';
import { markCountyLive } from '../orgs/mark-county-live.ts';
import { processedEvents, seats } from '../schema.ts';

// The events identity writes to its outbox that roster acts on (issue 12). Identity's own
// producers state the same shapes; roster parses what it receives.

/** A member redeemed an activation code: the account `userId` is theirs. In the member's county. */
export const ZAccountActivated = z.object({ memberId: z.uuid(), userId: z.string().min(1) });
/** The member's account is gone (transferred out, removed from the roster). In the member's county. */
export const ZAccountClosed = z.object({ memberId: z.uuid() });
/** An operator created a tenant; a county gets its first orgs. */
export const ZTenantCreated = z.object({ tenantId: z.string().min(1), name: z.string().min(1), kind: z.enum(['county', 'city']), cityId: z.string().nullish() });
/** The county marked itself live: its flow organizations enter the directory. */
export const ZTenantLive = z.object({ tenantId: z.string().min(1) });
/** A user's secretary seats changed: the full current set (@tongxin/copies' `SeatsChanged`). */
export const ZSeatsChanged = z.object({ userId: z.string().min(1), orgIds: z.array(z.uuid()) }) satisfies z.ZodType<SeatsChanged>;

export const IDENTITY_TOPICS = {
  accountActivated: 'identity.account_activated',
  accountClosed: 'identity.account_closed',
  tenantCreated: 'identity.tenant_created',
  tenantLive: 'identity.tenant_live',
  seatsChanged: COPY_TOPICS.seatsChanged,
} as const;

const HANDLED = new Set<string>(Object.values(IDENTITY_TOPICS));

/**
 * Roster's consumer of identity's outbox. Each event is applied in the county it concerns
 * (the member's, or the tenant the payload names), with its id claimed in roster's
 * processed_events in the same transaction: a redelivered event changes nothing.
 */
export async function applyIdentityEventToRoster(
  database: Database,
  event: DomainEvent,
  now: Date = new Date(),
): Promise<'applied' | 'duplicate' | 'ignored'> {
  if (!HANDLED.has(event.topic)) return 'ignored';
  const actor = { userId: null, now };
  switch (event.topic) {
    case IDENTITY_TOPICS.accountActivated: {
      const p = ZAccountActivated.parse(event.payload);
      return once(database, event, event.tenantId, (tx) => linkAccount(tx, event.tenantId, p.memberId, p.userId, now));
    }
    case IDENTITY_TOPICS.accountClosed: {
      const p = ZAccountClosed.parse(event.payload);
      return once(database, event, event.tenantId, (tx) => linkAccount(tx, event.tenantId, p.memberId, null, now));
    }
    case IDENTITY_TOPICS.tenantCreated: {
      const p = ZTenantCreated.parse(event.payload);
      // Only the platform's outbox creates tenants (an event a county's own outbox claims is
      // not believed); a city groups counties and has no org tree of its own.
      if (event.tenantId !== 'platform' || p.kind !== 'county') return 'ignored';
      return once(database, event, p.tenantId, (tx) => createCountyRoot(tx, p.tenantId, p.name, actor));
    }
    case IDENTITY_TOPICS.seatsChanged: {
      // Roster's copy of who holds which seat: transfers are decided by the level above (issue 13 C).
      const p = ZSeatsChanged.parse(event.payload);
      return once(database, event, event.tenantId, (tx) => applySeatsChanged(tx, seats, event.tenantId, p, new Date(event.createdAt)));
    }
    default: {
      const p = ZTenantLive.parse(event.payload);
      // A county makes only itself live: the tenant is the outbox row's, never the payload's word.
      if (p.tenantId !== event.tenantId) return 'ignored';
      return once(database, event, event.tenantId, (tx) => markCountyLive(tx, event.tenantId, now));
    }
  }
}

async function once(
  database: Database,
  event: DomainEvent,
  tenantId: string,
  apply: (tx: Tx) => Promise<unknown>,
): Promise<'applied' | 'duplicate'> {
  return tenantTransaction(database, { tenantId, tenantWide: true }, async (tx) => {
    if (!(await claimEvent(tx, processedEvents, { ...event, tenantId }))) return 'duplicate';
    await apply(tx);
    return 'applied';
  });
}
