import { claimEvent, tenantTransaction, type Database, type DomainEvent, type Tx } from '@tongxin/db';
import { and, eq, sql } from 'drizzle-orm';
import { repathCheckinDestinations } from '../checkins/repath-checkin-destinations.ts';
import { closedOrgs, members, orgDirectory, processedEvents } from '../schema.ts';

/** `roster.member_created`: path and status since roster sends them; events recorded before lack them. */
interface MemberCreated {
  memberId: string;
  userId: string | null;
  name: string;
  branchId: string;
  orgPath?: string;
  status?: string;
}

/** `roster.member_updated`: the member after a change to a copied field. */
interface MemberUpdated {
  memberId: string;
  userId: string | null;
  name: string;
  branchId: string;
  orgPath: string;
  status: string;
}

/** `roster.org_moved`: every copied path starting with `fromPath` now starts with `toPath`. */
interface OrgMoved {
  orgId: string;
  fromPath: string;
  toPath: string;
}

/** `roster.org_closed`: no check-in to it any more. */
interface OrgClosed {
  orgId: string;
  closedAt: string;
}

/** `roster.org_saved`: an org created, renamed or updated, or closed (roster's announce-org.ts). */
interface OrgSaved {
  orgId: string;
  name: string;
  path: string;
  closedAt: string | null;
}

const TOPICS = new Set(['roster.member_created', 'roster.member_updated', 'roster.org_moved', 'roster.org_closed', 'roster.org_saved']);

/**
 * Keeps reporting's copy of roster's members (and every org path reporting copies) current
 * from roster's events. Applied in the event's tenant with its id claimed in the same
 * transaction, so a redelivered event changes nothing.
 */
export async function applyRosterEventToReporting(database: Database, event: DomainEvent): Promise<'applied' | 'duplicate' | 'ignored'> {
  if (!TOPICS.has(event.topic)) return 'ignored';
  return tenantTransaction(database, { tenantId: event.tenantId, tenantWide: true }, async (tx) => {
    if (!(await claimEvent(tx, processedEvents, event))) return 'duplicate';
    if (event.topic === 'roster.member_created') await memberCreated(tx, event.tenantId, event.payload as MemberCreated);
    else if (event.topic === 'roster.member_updated') await memberUpdated(tx, event.tenantId, event.payload as MemberUpdated);
    else if (event.topic === 'roster.org_closed') await orgClosed(tx, event.tenantId, event.payload as OrgClosed);
    else if (event.topic === 'roster.org_saved') await orgSaved(tx, event.tenantId, event.payload as OrgSaved);
    else await orgMoved(tx, event.tenantId, event.payload as OrgMoved);
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

/** Re-paths every copy of a path under the moved org, as roster did for its own rows. */
async function orgMoved(tx: Tx, tenantId: string, p: OrgMoved) {
  const rest = p.fromPath.length + 1;
  const under = (column: string) => sql.raw(`left(${column}, ${p.fromPath.length})`);
  const repath = (table: string, column: string) =>
    tx.execute(sql`update ${sql.raw(table)} set ${sql.raw(column)} = ${p.toPath} || substr(${sql.raw(column)}, ${rest})
      where tenant_id = ${tenantId} and ${under(column)} = ${p.fromPath}`);
  await repath('reporting.members', 'org_path');
  await repath('reporting.checkins', 'org_path');
  // Check-ins into this county's orgs, also from members of other counties: those rows are
  // the member's county's, so they move through the function that checks the other side.
  await repathCheckinDestinations(tx, p.fromPath, p.toPath);
  await repath('reporting.meetings', 'org_path');
  await repath('reporting.suggestions', 'to_org_path');
  await repath('reporting.org_directory', 'path');
}

/** The directory check-ins read a destination's path and name from (request-checkin.ts). */
async function orgSaved(tx: Tx, tenantId: string, p: OrgSaved) {
  const values = { name: p.name, path: p.path, closedAt: p.closedAt ? new Date(p.closedAt) : null };
  await tx.insert(orgDirectory).values({ tenantId, orgId: p.orgId, ...values }).onConflictDoUpdate({ target: [orgDirectory.tenantId, orgDirectory.orgId], set: values });
}

async function orgClosed(tx: Tx, tenantId: string, p: OrgClosed) {
  await tx.insert(closedOrgs).values({ tenantId, orgId: p.orgId, closedAt: new Date(p.closedAt) }).onConflictDoNothing();
}
