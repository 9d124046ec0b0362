import { tenantTransaction, type Database, type DomainEvent, type Tx } from '@tongxin/db';
import { parsePayload, TOPICS } from '@tongxin/events';
import { sql, type SQL } from 'drizzle-orm';
import type { ContactSource } from '../schema/members.ts';

/**
 * The last contact rule (brief, "Lost contact"): a member's last contact with the organization
 * is the latest of every contact the product knows — a meeting attended (视同参会 too), a
 * monthly report, a secretary's attempt that reached them, dues paid, a check-in accepted.
 * It only moves forward, so an event delivered twice or late changes nothing, and a contact
 * dated in the future counts as now.
 *
 * The `set` and `where` fragments are this rule's one home: `noteContact` uses them, and so
 * does the one statement that confirms a ledger from a monthly report.
 */
export function lastContactSet(at: Date, source: ContactSource, now: Date): { set: SQL; newer: SQL } {
  const when = new Date(Math.min(at.getTime(), now.getTime())).toISOString();
  return {
    set: sql`last_contact_at = greatest(last_contact_at, ${when}::timestamptz),
      last_contact_source = case when last_contact_at is null or last_contact_at < ${when}::timestamptz then ${source}::roster.contact_source else last_contact_source end`,
    newer: sql`(last_contact_at is null or last_contact_at < ${when}::timestamptz)`,
  };
}

/** Records a contact in the caller's transaction (RLS applies: the member must be visible to it). */
export async function noteContact(tx: Tx, contact: { tenantId: string; memberId: string; at: Date; source: ContactSource }, now: Date = new Date()): Promise<void> {
  const { set, newer } = lastContactSet(contact.at, contact.source, now);
  await tx.execute(sql`update roster.members set ${set}
    where tenant_id = ${contact.tenantId} and id = ${contact.memberId}::uuid and ${newer}`);
}

/** The 6-month rule: no contact for 6 months or more (brief). */
export const LOST_CONTACT_MONTHS = 6;

/**
 * Consumer of reporting's events that are contact with the organization: a meeting attended,
 * a check-in accepted, a monthly report (one that confirms the ledger unchanged is noted by
 * `confirmLedgerFromReport`'s own statement instead, so it costs the relay no extra round
 * trip). One statement in a tenant unit; no event claim is needed, since the rule only moves
 * forward and a redelivery changes nothing.
 */
export async function noteContactFromEvent(database: Database, event: DomainEvent, now: Date = new Date()): Promise<'applied' | 'ignored'> {
  const contact = contactOf(event);
  if (!contact) return 'ignored';
  await tenantTransaction(database, { tenantId: contact.tenantId, tenantWide: true }, (tx) => noteContact(tx, contact, now), 'unit');
  return 'applied';
}

function contactOf(event: DomainEvent): { tenantId: string; memberId: string; at: Date; source: ContactSource } | null {
  switch (event.topic) {
    case TOPICS.reporting.monthlyReportSubmitted: {
      const payload = parsePayload(TOPICS.reporting.monthlyReportSubmitted, event.payload);
      if (payload.ledgerUnchanged) return null;
      return { tenantId: event.tenantId, memberId: payload.memberId, at: event.createdAt, source: 'monthly_report' };
    }
    case TOPICS.reporting.meetingAttended: {
      // The meeting's county: a member of another county checked in there is not on its roster.
      const payload = parsePayload(TOPICS.reporting.meetingAttended, event.payload);
      return { tenantId: event.tenantId, memberId: payload.memberId, at: new Date(payload.startsAt), source: 'meeting' };
    }
    case TOPICS.reporting.checkinAccepted: {
      const payload = parsePayload(TOPICS.reporting.checkinAccepted, event.payload);
      return { tenantId: payload.memberTenantId, memberId: payload.memberId, at: payload.grantedAt ? new Date(payload.grantedAt) : event.createdAt, source: 'checkin' };
    }
    default:
      return null;
  }
}
