import type { Tx } from '@tongxin/db';
import { and, eq, inArray } from 'drizzle-orm';
import { checkins, closedOrgs, orgDirectory } from '../schema.ts';
import { readGrantFields } from '../checkin-settings/checkin-settings.ts';
import { GRANTABLE_FIELDS, OPEN_STATUSES, type GrantableField } from './checkin-rules.ts';
import { findCheckinMember } from './find-checkin-member.ts';
import { findAttachableCertificate } from './attached-certificate.ts';
import { readHomeContacts } from './home-contacts.ts';
import { badField } from '@tongxin/errors';

export interface CheckinRequest {
  destTenantId: string;
  destOrgId: string;
  note?: string | undefined;
  /** Fields the member adds to the county's minimum. */
  extraFields?: readonly GrantableField[] | undefined;
  /** Show the destination the member's standing activity certificate (issue 17; found by the server). */
  attachCertificate?: boolean | undefined;
  idempotencyKey: string;
}

/**
 * What a check-in shares (issue 17: the member chooses, the county sets the minimum): the
 * county's fields always, and any other grantable field the member ticks. The member's form
 * lists exactly these, so the consent says what will be shared.
 */
export async function shareOptions(tx: Tx, tenantId: string): Promise<{ minimum: GrantableField[]; optional: GrantableField[] }> {
  const minimum = await readGrantFields(tx, tenantId);
  return { minimum, optional: GRANTABLE_FIELDS.filter((field) => !minimum.includes(field)) };
}

/**
 * 报到: the member asks a destination organization (an entry of the directory) to take them
 * in. The request names the destination by county and id only; its path (which decides which
 * of the destination's secretaries see the request: RLS on dest_org_path) and its name are
 * read from reporting's copy of every county's orgs (org_directory, kept from roster's
 * `roster.org_saved` and `roster.org_moved`), never taken from the client (issue 13: a member
 * prepended another org of the destination county to the path, and that org's secretary
 * accepted). An org the copy does not know is BAD_REQUEST on destOrgId.
 * Roster still checks the destination against its own directory before writing the grant
 * (services/roster/src/grants/apply-checkin-event.ts): a copy a step behind cannot make
 * member data cross. A closed org is refused here (the copy's closed_at, or closed_orgs from
 * roster.org_closed); one closed in the second before the copy catches up is still caught
 * by roster's check, which refuses the grant and ends the check-in refused.
 */
export async function requestCheckin(tx: Tx, tenantId: string, userId: string, input: CheckinRequest, now: Date): Promise<{ checkinId: string }> {
  const retried = await checkinByKey(tx, tenantId, input.idempotencyKey);
  if (retried) return { checkinId: retried };
  const [destination] = await tx
    .select({ path: orgDirectory.path, name: orgDirectory.name, closedAt: orgDirectory.closedAt })
    .from(orgDirectory)
    .where(and(eq(orgDirectory.tenantId, input.destTenantId), eq(orgDirectory.orgId, input.destOrgId)));
  if (!destination) throw badField('destOrgId', 'org_not_found');

  const [closed] = await tx
    .select({ orgId: closedOrgs.orgId })
    .from(closedOrgs)
    .where(and(eq(closedOrgs.tenantId, input.destTenantId), eq(closedOrgs.orgId, input.destOrgId)));
  if (closed || destination.closedAt) throw badField('destOrgId', 'org_closed');

  const member = await findCheckinMember(tx, tenantId, userId);
  if (member.status === 'transferred_out') throw badField('destOrgId', 'member_transferred_out');
  const open = await openCheckin(tx, tenantId, member.memberId);
  if (open) throw badField('destOrgId', 'already_checked_in', { org: open.destOrgName });
  // The member's county decides the minimum its members share (issue 12), the member may add
  // to it (issue 17); the request keeps the list it was made with, so a later change of the
  // setting alters no check-in already asked.
  const minimum = await readGrantFields(tx, tenantId);
  const grantFields = GRANTABLE_FIELDS.filter((field) => minimum.includes(field) || (input.extraFields ?? []).includes(field));
  const certificate = input.attachCertificate ? await findAttachableCertificate(tx, tenantId, member.memberId, now) : null;
  // Whom the destination calls about the member (issue 17), kept current by the seats consumer.
  const homeContacts = await readHomeContacts(tx, tenantId, member.orgPath, userId);

  const [row] = await tx
    .insert(checkins)
    .values({
      tenantId,
      memberId: member.memberId,
      userId,
      memberName: member.name,
      orgPath: member.orgPath,
      destTenantId: input.destTenantId,
      destOrgId: input.destOrgId,
      destOrgPath: destination.path,
      destOrgName: destination.name,
      note: input.note ?? null,
      grantFields,
      certificateId: certificate?.certificateId ?? null,
      certificateNumber: certificate?.number ?? null,
      certificateValidUntil: certificate?.validUntil ?? null,
      certificateStatus: certificate?.status ?? null,
      homeContacts,
      idempotencyKey: input.idempotencyKey,
      createdAt: now,
      updatedAt: now,
    })
    // Either unique index may refuse the row: a concurrent retry (same key) or a concurrent second check-in.
    .onConflictDoNothing()
    .returning({ id: checkins.id });
  if (row) return { checkinId: row.id };
  const raced = await checkinByKey(tx, tenantId, input.idempotencyKey);
  if (raced) return { checkinId: raced };
  throw badField('destOrgId', 'already_checked_in');
}

async function checkinByKey(tx: Tx, tenantId: string, idempotencyKey: string): Promise<string | null> {
  const [row] = await tx
    .select({ id: checkins.id })
    .from(checkins)
    .where(and(eq(checkins.tenantId, tenantId), eq(checkins.idempotencyKey, idempotencyKey)));
  return row?.id ?? null;
}

async function openCheckin(tx: Tx, tenantId: string, memberId: string) {
  const [row] = await tx
    .select({ id: checkins.id, destOrgName: checkins.destOrgName })
    .from(checkins)
    .where(and(eq(checkins.tenantId, tenantId), eq(checkins.memberId, memberId), inArray(checkins.status, [...OPEN_STATUSES])));
  return row ?? null;
}
