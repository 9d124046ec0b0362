import { repathed, underMovedOrg } from '@tongxin/copies';
import { claimEvent, tenantTransaction, type Database, type DomainEvent, type Tx } from '@tongxin/db';
import { parsePayload, TOPICS, type MemberCreated, type MemberUpdated, type OrgClosed, type OrgMoved, type OrgSaved } from '@tongxin/events';
import { and, eq, sql } from 'drizzle-orm';
import { repathCheckinDestinations } from '../checkins/repath-checkin-destinations.ts';
import { applyCertificateChanged } from '../certificates/apply-certificate-changed.ts';
import { checkins, closedOrgs, meetings, members, orgDirectory, processedEvents, suggestions } from '../schema.ts';

const { roster } = TOPICS;
const HANDLED = new Set<string>([roster.memberCreated, roster.memberUpdated, roster.orgMoved, roster.orgClosed, roster.orgSaved, roster.certificateChanged]);

/**
 * Keeps reporting's copy of roster's members (and every org path reporting copies) current
 * from roster's events. Applied in the event's tenant with its id claimed in the same
 * transaction, so a redelivered event changes nothing.
 */
export async function applyRosterEventToReporting(database: Database, event: DomainEvent): Promise<'applied' | 'duplicate' | 'ignored'> {
  const { topic } = event;
  if (!HANDLED.has(topic)) return 'ignored';
  return tenantTransaction(database, { tenantId: event.tenantId, tenantWide: true }, async (tx) => {
    if (!(await claimEvent(tx, processedEvents, event))) return 'duplicate';
    if (topic === roster.memberCreated) await memberCreated(tx, event.tenantId, parsePayload(topic, event.payload));
    else if (topic === roster.memberUpdated) await memberUpdated(tx, event.tenantId, parsePayload(topic, event.payload));
    else if (topic === roster.orgClosed) await orgClosed(tx, event.tenantId, parsePayload(topic, event.payload));
    else if (topic === roster.orgSaved) await orgSaved(tx, event.tenantId, parsePayload(topic, event.payload));
    else if (topic === roster.certificateChanged) await applyCertificateChanged(tx, event.tenantId, parsePayload(topic, event.payload));
    else await orgMoved(tx, event.tenantId, parsePayload(roster.orgMoved, event.payload));
    return 'applied';
  });
}

async function memberCreated(tx: Tx, tenantId: string, p: MemberCreated) {
  // An event recorded before roster sent the path names only the branch: a member of the
  // same branch already copied has its path. Failing that, the branch alone keeps the member visible to the branch's
  // secretary (not yet to the township's) until the next member_updated brings the full path.
  let orgPath = p.orgPath;
  if (!orgPath) {
    const [sibling] = await tx
      .select({ orgPath: members.orgPath })
      .from(members)
      .where(and(eq(members.tenantId, tenantId), eq(members.branchId, p.branchId), sql`length(${members.orgPath}) > ${p.branchId.length + 2}`))
      .limit(1);
    orgPath = sibling?.orgPath ?? `/${p.branchId}/`;
  }
  // A member_updated that came first (or a seed) wins: it is at least as fresh.
  await tx
    .insert(members)
    .values({ tenantId, memberId: p.memberId, userId: p.userId, name: p.name, branchId: p.branchId, orgPath, status: p.status ?? 'resident' })
    .onConflictDoNothing();
}

async function memberUpdated(tx: Tx, tenantId: string, p: MemberUpdated) {
  const values = { userId: p.userId, name: p.name, branchId: p.branchId, orgPath: p.orgPath, status: p.status, updatedAt: new Date() };
  await tx
    .insert(members)
    .values({ tenantId, memberId: p.memberId, ...values })
    .onConflictDoUpdate({ target: [members.tenantId, members.memberId], set: values });
}

/**
 * Re-paths every copy of a path under the moved org, as roster did for its own rows, with the
 * one expression of a moved subtree's new path (`repathed`, `underMovedOrg` of @tongxin/copies).
 */
async function orgMoved(tx: Tx, tenantId: string, p: OrgMoved) {
  await tx.update(members).set({ orgPath: repathed(members.orgPath, p) }).where(and(eq(members.tenantId, tenantId), underMovedOrg(members.orgPath, p)));
  await tx.update(checkins).set({ orgPath: repathed(checkins.orgPath, p) }).where(and(eq(checkins.tenantId, tenantId), underMovedOrg(checkins.orgPath, p)));
  // Check-ins into this county's orgs, also from members of other counties: those rows are
  // the member's county's, so they move through the function that checks the other side.
  await repathCheckinDestinations(tx, p.fromPath, p.toPath);
  await tx.update(meetings).set({ orgPath: repathed(meetings.orgPath, p) }).where(and(eq(meetings.tenantId, tenantId), underMovedOrg(meetings.orgPath, p)));
  await tx.update(suggestions).set({ toOrgPath: repathed(suggestions.toOrgPath, p) }).where(and(eq(suggestions.tenantId, tenantId), underMovedOrg(suggestions.toOrgPath, p)));
  await tx.update(orgDirectory).set({ path: repathed(orgDirectory.path, p) }).where(and(eq(orgDirectory.tenantId, tenantId), underMovedOrg(orgDirectory.path, p)));
}

/** The directory check-ins read a destination's path and name from (request-checkin.ts). */
async function orgSaved(tx: Tx, tenantId: string, p: OrgSaved) {
  const values = { name: p.name, path: p.path, closedAt: p.closedAt ? new Date(p.closedAt) : null };
  await tx.insert(orgDirectory).values({ tenantId, orgId: p.orgId, ...values }).onConflictDoUpdate({ target: [orgDirectory.tenantId, orgDirectory.orgId], set: values });
}

async function orgClosed(tx: Tx, tenantId: string, p: OrgClosed) {
  await tx.insert(closedOrgs).values({ tenantId, orgId: p.orgId, closedAt: new Date(p.closedAt) }).onConflictDoNothing();
}
