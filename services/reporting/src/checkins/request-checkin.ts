import type { Tx } from '@tongxin/db';
import { badField } from '@tongxin/trpc';
import { and, eq, inArray } from 'drizzle-orm';
import { checkins, closedOrgs } from '../schema.ts';
import { readGrantFields } from '../checkin-settings/checkin-settings.ts';
import { lastOrgId, OPEN_STATUSES } from './checkin-rules.ts';
import { findCheckinMember } from './find-checkin-member.ts';

export interface CheckinRequest {
  destTenantId: string;
  destOrgId: string;
  destOrgPath: string;
  destOrgName: string;
  note?: string | undefined;
  idempotencyKey: string;
}

/**
 * 报到: the member asks a destination organization (an entry of roster's directory) to take
 * them in. Reporting cannot read roster, so the destination's path and name come from the
 * client, as the directory showed them. What a forged value could do, and why it is bounded:
 * - the destination's secretaries are scoped by dest_org_path (RLS), and the path must end
 *   at dest_org_id, so a request cannot name one org and be routed to another's subtree;
 * - a path with made-up ancestors can only hide the request from the real destination or
 *   show it to another org of the county the member chose: it exposes nothing but the
 *   member's own request, and only the member can file it;
 * - member data crosses only when roster writes the grant, and roster checks the org against
 *   its directory first (open, same path): see services/roster/src/grants/apply-checkin-event.ts.
 * A closed org is refused here from reporting's copy of roster's closures (closed_orgs,
 * kept from roster.org_closed); one closed in the second before that copy catches up is
 * still caught by roster's check, which refuses the grant and ends the check-in refused.
 */
export async function requestCheckin(tx: Tx, tenantId: string, userId: string, input: CheckinRequest, now: Date): Promise<{ checkinId: string }> {
  const retried = await checkinByKey(tx, tenantId, input.idempotencyKey);
  if (retried) return { checkinId: retried };
  if (lastOrgId(input.destOrgPath) !== input.destOrgId) throw badField('destOrgPath', 'the path must end at the destination organization');

  const [closed] = await tx
    .select({ orgId: closedOrgs.orgId })
    .from(closedOrgs)
    .where(and(eq(closedOrgs.tenantId, input.destTenantId), eq(closedOrgs.orgId, input.destOrgId)));
  if (closed) throw badField('destOrgId', 'that organization is closed: it takes no check-ins');

  const member = await findCheckinMember(tx, tenantId, userId);
  if (member.status === 'transferred_out') throw badField('destOrgId', 'this membership has been transferred out');
  const open = await openCheckin(tx, tenantId, member.memberId);
  if (open) throw badField('destOrgId', `already checked in with ${open.destOrgName}: end that check-in first`);
  // The member's county decides what its members share (issue 12); the request keeps the
  // list it was made with, so a later change of the setting alters no check-in already asked.
  const grantFields = await readGrantFields(tx, tenantId);

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
      destOrgPath: input.destOrgPath,
      destOrgName: input.destOrgName,
      note: input.note ?? null,
      grantFields,
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
  throw badField('destOrgId', 'already checked in with another organization: end that check-in first');
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
