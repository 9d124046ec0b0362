import { claimEvent, tenantTransaction, type Database, type DomainEvent } from '@tongxin/db';
import { parsePayload } from '@tongxin/events';
import { sql } from 'drizzle-orm';
import { lapseCertificatesIn } from './certificates/lapse-certificates.ts';
import { changeMember } from './ledger/change-member.ts';
import { proposePlacementsIn } from './mobility/propose-placements.ts';
import { proposeLostContactIn } from './mobility/propose-lost-contact.ts';
import { processedEvents } from './schema.ts';
import { TRANSFER_ACCEPTED } from './transfers/accept-transfer.ts';

// Roster's system work: run by the host (infra/runner on Node), never by a request.

/**
 * The daily 6-month rule (brief): proposes placements in every tenant. Listing the tenants
 * is a system read (`database.system`); the proposals themselves are written in each tenant's own
 * tenant-wide transaction, under RLS like any change. Running twice a day proposes nothing new.
 */
export async function proposePlacements(database: Database, now: Date): Promise<{ tenantId: string; proposed: number }[]> {
  const tenants = await database.system.execute(sql`select distinct tenant_id from roster.orgs order by tenant_id`);
  const results: { tenantId: string; proposed: number }[] = [];
  for (const { tenant_id: tenantId } of tenants.rows as { tenant_id: string }[]) {
    const proposed = await tenantTransaction(database, { tenantId, tenantWide: true }, (tx) => proposePlacementsIn(tx, tenantId, now));
    results.push({ tenantId, proposed });
  }
  return results;
}

/**
 * The daily lost-contact rule (brief: 6 months without contact): proposes 失联 in every
 * tenant, each in its own tenant-wide transaction (propose-lost-contact.ts). Running twice a
 * day proposes nothing new.
 */
export async function proposeLostContact(database: Database, now: Date): Promise<{ tenantId: string; proposed: number }[]> {
  const tenants = await database.system.execute(sql`select distinct tenant_id from roster.members where status = 'mobile' order by tenant_id`);
  const results: { tenantId: string; proposed: number }[] = [];
  for (const { tenant_id: tenantId } of tenants.rows as { tenant_id: string }[]) {
    const proposed = await tenantTransaction(database, { tenantId, tenantWide: true }, (tx) => proposeLostContactIn(tx, tenantId, now));
    results.push({ tenantId, proposed });
  }
  return results;
}

/**
 * The daily certificate rules (issue 17): in every county with certificates, those past their
 * end date lapse and those ending soon are announced for the reminders (lapse-certificates.ts),
 * each county in its own tenant-wide transaction. Running twice a day changes nothing more.
 */
export async function lapseCertificates(database: Database, now: Date): Promise<{ tenantId: string; lapsed: number; reminded: number }[]> {
  const tenants = await database.system.execute(sql`select distinct tenant_id from roster.certificates where status = 'valid' order by tenant_id`);
  const results: { tenantId: string; lapsed: number; reminded: number }[] = [];
  for (const { tenant_id: tenantId } of tenants.rows as { tenant_id: string }[]) {
    const done = await tenantTransaction(database, { tenantId, tenantWide: true }, (tx) => lapseCertificatesIn(tx, tenantId, now));
    results.push({ tenantId, ...done });
  }
  return results;
}

/**
 * Consumer of `roster.transfer_accepted` (recorded in the RECEIVING tenant's outbox): closes
 * the member's record in the origin tenant as transferred_out, kept for history. The event
 * id is claimed in the origin tenant in the same transaction, so a redelivery changes nothing.
 */
export async function applyTransferAccepted(
  database: Database,
  event: DomainEvent,
  now: Date = new Date(),
): Promise<'applied' | 'duplicate' | 'ignored'> {
  if (event.topic !== TRANSFER_ACCEPTED) return 'ignored';
  const payload = parsePayload(TRANSFER_ACCEPTED, event.payload);
  const origin = payload.originTenantId;
  return tenantTransaction(database, { tenantId: origin, tenantWide: true }, async (tx) => {
    if (!(await claimEvent(tx, processedEvents, { ...event, tenantId: origin }))) return 'duplicate';
    await changeMember(tx, origin, payload.memberId, {
      action: 'transferred_out',
      set: { status: 'transferred_out' },
      actor: { userId: null, role: 'system' },
      now,
      idempotencyKey: `transferred-out-${payload.transferId}`,
    });
    return 'applied';
  });
}
