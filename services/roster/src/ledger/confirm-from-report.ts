import { selectRows, tenantTransaction, type Database, type DomainEvent } from '@tongxin/db';
import { parsePayload, TOPICS } from '@tongxin/events';
import { LEDGER_FIELDS } from '@tongxin/ledger';
import { sql } from 'drizzle-orm';
import { lastContactSet } from '../mobility/last-contact.ts';

/**
 * Enter once (brief, burden rules): a monthly report saying "ledger unchanged" confirms the
 * member's ledger, as the member's one-tap confirmation would (changeMember with
 * `confirmLedger` and nothing set): every ledger field confirmed now, a version `confirmed`
 * with no changes. Applied once per event (roster.processed_events) and once per report (the
 * version's idempotency key `report:<id>`), in the event's tenant.
 *
 * One statement in a tenant unit, one round trip: the relay carries one of these for most
 * monthly reports, and at six round trips it fell behind a sustained load (issue 16). The
 * update's row lock queues a concurrent change of the member, and the version is the row's
 * newest plus one. Nothing here touches a field a grant copies, so no grant is refreshed.
 * The same update notes the report as the member's last contact (`noteContactFromEvent`
 * notes the reports that change the ledger).
 */
export async function confirmLedgerFromReport(
  database: Database,
  event: DomainEvent,
  now: Date = new Date(),
): Promise<'applied' | 'duplicate' | 'ignored'> {
  if (event.topic !== TOPICS.reporting.monthlyReportSubmitted) return 'ignored';
  const payload = parsePayload(TOPICS.reporting.monthlyReportSubmitted, event.payload);
  if (!payload.ledgerUnchanged) return 'ignored';
  const at = now.toISOString();
  const confirmed = JSON.stringify(Object.fromEntries(LEDGER_FIELDS.map((field) => [field, at])));
  const key = `report:${payload.reportId}`;
  // The report is also the member's contact with the organization (last-contact.ts).
  const contact = lastContactSet(event.createdAt, 'monthly_report', now);
  return tenantTransaction(database, { tenantId: event.tenantId, tenantWide: true }, async (tx) => {
    const [row] = await selectRows<{ claimed: boolean; confirmed: boolean }>(tx, sql`
      with claimed as (
        insert into roster.processed_events (tenant_id, event_id) values (${event.tenantId}, ${event.id}::uuid)
        on conflict do nothing returning event_id),
      changed as (
        update roster.members m
        set field_confirmed_at = m.field_confirmed_at || ${confirmed}::jsonb, ledger_confirmed_at = ${at}::timestamptz,
            version = m.version + 1, updated_at = ${at}::timestamptz, ${contact.set}
        where m.tenant_id = ${event.tenantId} and m.id = ${payload.memberId}::uuid and exists (select 1 from claimed)
          and not exists (select 1 from roster.member_versions v where v.tenant_id = ${event.tenantId} and v.idempotency_key = ${key})
        returning m.version),
      versioned as (
        insert into roster.member_versions (tenant_id, member_id, version, action, changes, actor_user_id, actor_role, idempotency_key, at)
        select ${event.tenantId}, ${payload.memberId}::uuid, changed.version, 'confirmed', '[]'::jsonb, ${payload.userId}, 'member', ${key}, ${at}::timestamptz
        from changed)
      select exists (select 1 from claimed) as claimed,
        exists (select 1 from changed) or exists (select 1 from roster.member_versions v where v.tenant_id = ${event.tenantId} and v.idempotency_key = ${key}) as confirmed`);
    // Claimed, and neither confirmed now nor before (by another event of the report): a member
    // no longer on this county's roster (transferred away meanwhile).
    return !row!.claimed ? 'duplicate' : row!.confirmed ? 'applied' : 'ignored';
  }, 'unit');
}
