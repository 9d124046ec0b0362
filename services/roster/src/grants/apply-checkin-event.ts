import { claimEvent, recordEvent, tenantTransaction, type Database, type DomainEvent, type Tx } from '@tongxin/db';
import { and, eq, isNull } from 'drizzle-orm';
import { ledgerGrants, members, memberVersions, orgDirectory, orgs, outbox, processedEvents } from '../schema.ts';
import { changeMember } from '../ledger/change-member.ts';
import {
  parsePayload, TOPICS, type CheckinAccepted, type CheckinEnded, type CheckinGranted, type CheckinGrantRefused, type CheckinGrantRevoked, type GrantRefusalReason,
} from '@tongxin/events';
import { CHECKIN_GRANT_REFUSED, CHECKIN_GRANT_REVOKED, CHECKIN_GRANTED } from './checkin-grant-refused.ts';
import { grantData } from './refresh-grants.ts';

export type CheckinEventResult = 'applied' | 'duplicate' | 'ignored' | 'refused';

/**
 * Consumer of `reporting.checkin_accepted` and `reporting.checkin_ended`: writes and revokes
 * the grant (roster.ledger_grants) in the MEMBER's county, the only one that may write it,
 * with the event id claimed there in the same transaction (exactly once).
 *
 * Accepting is where member data starts to cross counties, so the destination is checked
 * here against the directory its county publishes: it must be an open org whose path is the
 * one the check-in carried (reporting took it from the client and cannot read roster). A
 * closed, unknown or mis-pathed destination gets no grant ('refused'): nothing crosses, and
 * `roster.checkin_grant_refused` tells reporting to refuse the check-in the member sees (it
 * would otherwise stay 'accepted' with nothing behind it). Recorded in this transaction, so
 * with the claim: exactly once. A grant written records `roster.checkin_granted`, a grant
 * revoked `roster.checkin_grant_revoked`: the copies of a check-in (@tongxin/copies) follow
 * the grant, never the acceptance alone (issue 13).
 * The relay delivers oldest first and stops at a failure, so an end never overtakes its accept.
 */
export async function applyCheckinEvent(database: Database, event: DomainEvent, now: Date = new Date()): Promise<CheckinEventResult> {
  const { topic } = event;
  if (topic !== TOPICS.reporting.checkinAccepted && topic !== TOPICS.reporting.checkinEnded) return 'ignored';
  const change = topic === TOPICS.reporting.checkinEnded
    ? { ended: true as const, p: parsePayload(topic, event.payload) }
    : { ended: false as const, p: parsePayload(topic, event.payload) };
  const tenantId = change.p.memberTenantId;
  return tenantTransaction(database, { tenantId, tenantWide: true }, async (tx) => {
    if (!(await claimEvent(tx, processedEvents, { ...event, tenantId }))) return 'duplicate';
    return change.ended ? revokeGrant(tx, tenantId, change.p, now) : writeGrant(tx, tenantId, change.p, now);
  });
}

async function writeGrant(tx: Tx, tenantId: string, p: CheckinAccepted, now: Date): Promise<CheckinEventResult> {
  const [destination] = await tx
    .select({ path: orgDirectory.path, closedAt: orgDirectory.closedAt })
    .from(orgDirectory)
    .where(and(eq(orgDirectory.tenantId, p.granteeTenantId), eq(orgDirectory.orgId, p.granteeOrgId)));
  // An org unknown to the directory is "not what the check-in said", as a wrong path is.
  const refusal: GrantRefusalReason | null = !destination || destination.path !== p.granteeOrgPath ? 'path_mismatch' : destination.closedAt ? 'org_closed' : null;
  if (refusal) return refuseGrant(tx, tenantId, p.checkinId, refusal);

  const [row] = await tx
    .select({ member: members, branch: orgs.name })
    .from(members)
    .innerJoin(orgs, and(eq(orgs.tenantId, members.tenantId), eq(orgs.id, members.branchId)))
    .where(and(eq(members.tenantId, tenantId), eq(members.id, p.memberId)));
  if (!row || row.member.status === 'transferred_out') return 'refused';

  const grantedAt = p.grantedAt ? new Date(p.grantedAt) : now;
  const [granted] = await tx
    .insert(ledgerGrants)
    .values({
      tenantId,
      memberId: p.memberId,
      checkinId: p.checkinId,
      granteeTenantId: p.granteeTenantId,
      granteeOrgId: p.granteeOrgId,
      granteeOrgPath: p.granteeOrgPath,
      fields: p.fields,
      data: grantData(row.member, row.branch, p.fields),
      grantedBy: p.grantedBy,
      grantedAt,
    })
    .onConflictDoNothing()
    .returning({ checkinId: ledgerGrants.checkinId });
  if (granted) {
    // The grant stands: now, and only now, other services copy the check-in (tasks, scoring).
    const copy: CheckinGranted = {
      checkinId: p.checkinId, memberTenantId: tenantId, memberId: p.memberId, granteeTenantId: p.granteeTenantId,
      granteeOrgId: p.granteeOrgId, granteeOrgPath: p.granteeOrgPath, grantedAt: grantedAt.toISOString(),
    };
    await recordEvent(tx, outbox, tenantId, CHECKIN_GRANTED, copy);
    await fillDestination(tx, tenantId, p, now);
  }
  return 'applied';
}

/**
 * Enter once (issue 17): an accepted check-in is the ledger's destination organization (its
 * name, and the secretary who accepted as its leader), a ledger version like any change; the
 * previous destination's contact no longer applies. The member may correct it as any field.
 */
async function fillDestination(tx: Tx, tenantId: string, p: CheckinAccepted, now: Date) {
  const [org] = await tx.select({ name: orgDirectory.name }).from(orgDirectory).where(and(eq(orgDirectory.tenantId, p.granteeTenantId), eq(orgDirectory.orgId, p.granteeOrgId)));
  const name = p.granteeOrgName ?? org?.name;
  if (!name) return;
  await changeMember(tx, tenantId, p.memberId, {
    action: 'checkin_accepted',
    set: { destinationOrgName: name, destinationOrgLeader: p.grantedByName?.trim() || null, destinationOrgContact: null },
    actor: { userId: null, role: 'system' },
    now,
    idempotencyKey: `checkin:${p.checkinId}:accepted`,
  });
}

/**
 * Ending the check-in clears what its acceptance filled, unless the member has since named
 * another destination. Only a name the acceptance's own version wrote: where the ledger
 * already named the destination (the member typed it, or the check-in was accepted before
 * the acceptance filled anything) it is the member's, and the end, which the destination
 * county may make, leaves it (review of e38c750: the directory's name stood in for the
 * version's, and such an end erased the member's own words).
 */
export async function clearDestination(tx: Tx, tenantId: string, checkinId: string, memberId: string, now: Date) {
  const [member] = await tx.select({ orgName: members.destinationOrgName }).from(members).where(and(eq(members.tenantId, tenantId), eq(members.id, memberId)));
  const [filled] = await tx.select({ changes: memberVersions.changes }).from(memberVersions)
    .where(and(eq(memberVersions.tenantId, tenantId), eq(memberVersions.memberId, memberId), eq(memberVersions.idempotencyKey, `checkin:${checkinId}:accepted`)));
  const filledName = filled?.changes.find((c) => c.field === 'destinationOrgName')?.to;
  if (!member || !filledName || member.orgName !== filledName) return;
  await changeMember(tx, tenantId, memberId, {
    action: 'checkin_ended',
    set: { destinationOrgName: null, destinationOrgLeader: null, destinationOrgContact: null },
    actor: { userId: null, role: 'system' },
    now,
    idempotencyKey: `checkin:${checkinId}:ended`,
  });
}

async function refuseGrant(tx: Tx, tenantId: string, checkinId: string, reason: GrantRefusalReason): Promise<CheckinEventResult> {
  const refused: CheckinGrantRefused = { checkinId, memberTenantId: tenantId, reason };
  await recordEvent(tx, outbox, tenantId, CHECKIN_GRANT_REFUSED, refused);
  return 'refused';
}

/** A revoked grant holds nothing: the copy is emptied, the row kept as history (who granted, who ended). */
async function revokeGrant(tx: Tx, tenantId: string, p: CheckinEnded, now: Date): Promise<CheckinEventResult> {
  const revokedAt = p.endedAt ? new Date(p.endedAt) : now;
  const revoked = await tx
    .update(ledgerGrants)
    .set({ revokedAt, revokedBy: p.endedBy ?? 'system', data: {} })
    .where(and(eq(ledgerGrants.tenantId, tenantId), eq(ledgerGrants.checkinId, p.checkinId), isNull(ledgerGrants.revokedAt)))
    .returning({ checkinId: ledgerGrants.checkinId });
  if (revoked.length > 0) {
    await clearDestination(tx, tenantId, p.checkinId, p.memberId, now);
    const ended: CheckinGrantRevoked = { checkinId: p.checkinId, memberTenantId: tenantId, memberId: p.memberId, revokedAt: revokedAt.toISOString() };
    await recordEvent(tx, outbox, tenantId, CHECKIN_GRANT_REVOKED, ended);
  }
  return 'applied';
}
