import { applyCityGrantChanged, applySeatsChanged } from '@tongxin/copies';
import { claimEvent, tenantTransaction, type Database, type DomainEvent, type Tx } from '@tongxin/db';
import { parsePayload, TOPICS } from '@tongxin/events';
import { linkAccount } from '../members/link-account.ts';
import { createCountyRoot } from '../orgs/create-county-root.ts';
import { markCountyLive } from '../orgs/mark-county-live.ts';
import { cityGrants, processedEvents, seats } from '../schema.ts';

/** Identity's topics roster acts on (issue 12); their payloads are @tongxin/events'. */
export const IDENTITY_TOPICS = TOPICS.identity;

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
      const p = parsePayload(IDENTITY_TOPICS.accountActivated, event.payload);
      return once(database, event, event.tenantId, (tx) => linkAccount(tx, event.tenantId, p.memberId, p.userId, now));
    }
    case IDENTITY_TOPICS.accountClosed: {
      const p = parsePayload(IDENTITY_TOPICS.accountClosed, event.payload);
      return once(database, event, event.tenantId, (tx) => linkAccount(tx, event.tenantId, p.memberId, null, now));
    }
    case IDENTITY_TOPICS.tenantCreated: {
      const p = parsePayload(IDENTITY_TOPICS.tenantCreated, event.payload);
      // Only the platform's outbox creates tenants (an event a county's own outbox claims is
      // not believed); a city groups counties and has no org tree of its own.
      if (event.tenantId !== 'platform' || p.kind !== 'county') return 'ignored';
      return once(database, event, p.tenantId, (tx) => createCountyRoot(tx, p.tenantId, p.name, actor));
    }
    case IDENTITY_TOPICS.seatsChanged: {
      // Roster's copy of who holds which seat: transfers are decided by the level above (issue 13 C).
      const p = parsePayload(IDENTITY_TOPICS.seatsChanged, event.payload);
      return once(database, event, event.tenantId, (tx) => applySeatsChanged(tx, seats, event.tenantId, p, new Date(event.createdAt)));
    }
    case IDENTITY_TOPICS.cityGrantChanged: {
      // The county's grant to its city: the city reads the county's rollups while it stands (issue 15).
      const p = parsePayload(IDENTITY_TOPICS.cityGrantChanged, event.payload);
      return once(database, event, event.tenantId, (tx) => applyCityGrantChanged(tx, cityGrants, event.tenantId, p));
    }
    default: {
      const p = parsePayload(IDENTITY_TOPICS.tenantLive, event.payload);
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
