import { chinaDate } from '@tongxin/calendar';
import { recordEvent, selectRows, type Tx } from '@tongxin/db';
import { TOPICS } from '@tongxin/events';
import { CERTIFICATE_REMIND_DAYS } from '@tongxin/ledger';
import { sql } from 'drizzle-orm';
import { outbox } from '../schema.ts';
import { addDays } from './certificate-dates.ts';

interface Ending {
  id: string;
  memberId: string;
  number: string;
  holderName: string;
  validUntil: string;
  memberUserId: string | null;
  branchUserIds: string[];
}

/**
 * The daily part of the certificate rules in one county (tenant-wide): a valid certificate
 * past its end date lapses (expired; the register shows it), and one ending within
 * `CERTIFICATE_REMIND_DAYS` days is announced once (`reminded_at`) as
 * `roster.certificate_ending`, naming the holder's account and the accounts holding a seat
 * at the holder's branch (roster's copy of identity's seats): reporting puts the reminder in
 * their inboxes (services/reporting/src/certificate-notices/). Roster has no inbox of its own,
 * and reporting's is where every other reminder is read. Run twice a day, it changes nothing more.
 */
export async function lapseCertificatesIn(tx: Tx, tenantId: string, now: Date): Promise<{ lapsed: number; reminded: number }> {
  const today = chinaDate(now);
  const lapsed = await tx.execute(sql`
    update roster.certificates set status = 'expired', lapsed_at = ${now.toISOString()}::timestamptz, updated_at = ${now.toISOString()}::timestamptz
    where tenant_id = ${tenantId} and status = 'valid' and valid_until < ${today}::date
    returning id`);
  const ending = await selectRows<Ending>(tx, sql`
    update roster.certificates c set reminded_at = ${now.toISOString()}::timestamptz
    from roster.members m
    where c.tenant_id = ${tenantId} and c.status = 'valid' and c.reminded_at is null
      and c.valid_until <= ${addDays(today, CERTIFICATE_REMIND_DAYS)}::date
      and m.tenant_id = c.tenant_id and m.id = c.member_id
    returning c.id, c.member_id as "memberId", c.number, c.holder_name as "holderName", c.valid_until::text as "validUntil",
      m.user_id as "memberUserId",
      array(select s.user_id from roster.seats s where s.tenant_id = c.tenant_id and s.org_id = m.branch_id and s.ended_at is null
            and s.user_id is distinct from m.user_id order by s.user_id) as "branchUserIds"`);
  for (const c of ending) {
    await recordEvent(tx, outbox, tenantId, TOPICS.roster.certificateEnding, {
      certificateId: c.id, memberId: c.memberId, number: c.number, holderName: c.holderName, validUntil: c.validUntil,
      memberUserId: c.memberUserId, branchUserIds: c.branchUserIds,
    });
  }
  return { lapsed: lapsed.rows.length, reminded: ending.length };
}
