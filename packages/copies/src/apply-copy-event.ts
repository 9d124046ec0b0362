import { claimEvent, tenantTransaction, type Database, type DomainEvent, type ProcessedEventsTable, type Tx } from '@tongxin/db';
import { and, eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { parsePayload, type OrgMoved } from '@tongxin/events';
import { COPY_TOPICS } from './events.ts';
import { applySeatContact, applySeatsChanged, type SeatContactTable, type SeatCopyTable } from './seats.ts';
import type { Copies } from './tables.ts';

const TOPICS = new Set<string>(Object.values(COPY_TOPICS));

/** The county whose transaction applies the event: a check-in's copy lives in the member's. */
export function copyTenant(event: DomainEvent): string {
  const p = event.payload as { memberTenantId?: unknown };
  return event.topic.includes('.checkin_') && typeof p.memberTenantId === 'string' && p.memberTenantId ? p.memberTenantId : event.tenantId;
}

/** `column` with its `fromPath` prefix replaced by `toPath`: a moved subtree's new path. */
export function repathed(column: AnyColumn, moved: OrgMoved): SQL {
  return sql`${moved.toPath} || substr(${column}, ${moved.fromPath.length + 1})`;
}

/** True for paths inside the moved subtree. */
export function underMovedOrg(column: AnyColumn, moved: OrgMoved): SQL {
  return sql`left(${column}, ${moved.fromPath.length}) = ${moved.fromPath}`;
}

export interface CopyConsumerOptions {
  copies: Copies;
  processed: ProcessedEventsTable;
  /** The service's own paths to re-path when an org moves (in the event's tenant). */
  onOrgMoved?: (tx: Tx, tenantId: string, moved: OrgMoved) => Promise<void>;
}

/**
 * A consumer of identity's outbox for a service that keeps only the seats copy (reporting,
 * whose members and orgs have their own consumer): each `identity.seats_changed` applied once.
 * With `contacts`, the holder's name and phone too (reporting: a destination calls the home
 * secretary, issue 17); `afterApply` runs in the same transaction (reporting refreshes the
 * contacts its open check-ins show).
 */
export function createSeatsConsumer(options: {
  seats: SeatCopyTable;
  processed: ProcessedEventsTable;
  contacts?: SeatContactTable;
  afterApply?: (tx: Tx, tenantId: string, userId: string) => Promise<void>;
}) {
  return async function applySeatsEvent(database: Database, event: DomainEvent): Promise<'applied' | 'duplicate' | 'ignored'> {
    if (event.topic !== COPY_TOPICS.seatsChanged) return 'ignored';
    return tenantTransaction(database, { tenantId: event.tenantId, tenantWide: true }, async (tx) => {
      if (!(await claimEvent(tx, options.processed, event))) return 'duplicate';
      const p = parsePayload(COPY_TOPICS.seatsChanged, event.payload);
      await applySeatsChanged(tx, options.seats, event.tenantId, p, new Date(event.createdAt));
      if (options.contacts) await applySeatContact(tx, options.contacts, event.tenantId, p);
      await options.afterApply?.(tx, event.tenantId, p.userId);
      return 'applied';
    });
  };
}

/**
 * A consumer that keeps a service's copies current from roster's, reporting's and identity's events,
 * each event applied once: its id is claimed in the same transaction as the change.
 */
export function createCopyConsumer(options: CopyConsumerOptions) {
  return async function applyCopyEvent(database: Database, event: DomainEvent): Promise<'applied' | 'duplicate' | 'ignored'> {
    if (!TOPICS.has(event.topic)) return 'ignored';
    const tenantId = copyTenant(event);
    return tenantTransaction(database, { tenantId, tenantWide: true }, async (tx) => {
      if (!(await claimEvent(tx, options.processed, { ...event, tenantId }))) return 'duplicate';
      await applyCopy(tx, options, tenantId, event);
      return 'applied';
    });
  };
}

async function applyCopy(tx: Tx, { copies, onOrgMoved }: CopyConsumerOptions, tenantId: string, event: DomainEvent) {
  const { members, orgs, checkins, seats } = copies;
  switch (event.topic) {
    case COPY_TOPICS.memberCreated: {
      const p = parsePayload(COPY_TOPICS.memberCreated, event.payload);
      // A member_updated that came first is at least as fresh: it wins.
      await tx
        .insert(members)
        .values({ tenantId, memberId: p.memberId, userId: p.userId, name: p.name, branchId: p.branchId, orgPath: p.orgPath ?? `/${p.branchId}/`, status: p.status ?? 'resident', destinationCity: p.destinationCity ?? null })
        .onConflictDoNothing();
      return;
    }
    case COPY_TOPICS.memberUpdated: {
      const p = parsePayload(COPY_TOPICS.memberUpdated, event.payload);
      const values = { userId: p.userId, name: p.name, branchId: p.branchId, orgPath: p.orgPath, status: p.status, destinationCity: p.destinationCity ?? null, updatedAt: new Date() };
      await tx.insert(members).values({ tenantId, memberId: p.memberId, ...values }).onConflictDoUpdate({ target: [members.tenantId, members.memberId], set: values });
      return;
    }
    case COPY_TOPICS.orgSaved: {
      const p = parsePayload(COPY_TOPICS.orgSaved, event.payload);
      const values = { kind: p.kind, name: p.name, path: p.path, city: p.city, closedAt: p.closedAt ? new Date(p.closedAt) : null };
      await tx.insert(orgs).values({ tenantId, orgId: p.orgId, ...values }).onConflictDoUpdate({ target: [orgs.tenantId, orgs.orgId], set: values });
      return;
    }
    case COPY_TOPICS.orgMoved: {
      const p = parsePayload(COPY_TOPICS.orgMoved, event.payload);
      await tx.update(members).set({ orgPath: repathed(members.orgPath, p) }).where(and(eq(members.tenantId, tenantId), underMovedOrg(members.orgPath, p)));
      await tx.update(orgs).set({ path: repathed(orgs.path, p) }).where(and(eq(orgs.tenantId, tenantId), underMovedOrg(orgs.path, p)));
      // Check-ins into this county's orgs, also of members of other counties.
      await tx.update(checkins).set({ destOrgPath: repathed(checkins.destOrgPath, p) }).where(and(eq(checkins.destTenantId, tenantId), underMovedOrg(checkins.destOrgPath, p)));
      await onOrgMoved?.(tx, tenantId, p);
      return;
    }
    case COPY_TOPICS.checkinGranted: {
      // Written from the grant, not from the destination's acceptance: a copy exists only while the grant stands.
      const p = parsePayload(COPY_TOPICS.checkinGranted, event.payload);
      const values = { checkinId: p.checkinId, destTenantId: p.granteeTenantId, destOrgId: p.granteeOrgId, destOrgPath: p.granteeOrgPath, acceptedAt: p.grantedAt ? new Date(p.grantedAt) : event.createdAt };
      await tx.insert(checkins).values({ tenantId, memberId: p.memberId, ...values }).onConflictDoUpdate({ target: [checkins.tenantId, checkins.memberId], set: values });
      return;
    }
    case COPY_TOPICS.checkinGrantRevoked:
    case COPY_TOPICS.checkinEnded: {
      // Every event that ends a check-in undoes its copy (the grant's revocation follows its
      // grant in roster's outbox, so a copy written late is still removed). Only the check-in
      // that ended: a newer one for the same member stays.
      const p = parsePayload(event.topic, event.payload);
      await tx.delete(checkins).where(and(eq(checkins.tenantId, tenantId), eq(checkins.memberId, p.memberId), eq(checkins.checkinId, p.checkinId)));
      return;
    }
    case COPY_TOPICS.seatsChanged:
      await applySeatsChanged(tx, seats, tenantId, parsePayload(COPY_TOPICS.seatsChanged, event.payload), new Date(event.createdAt));
      return;
  }
}
