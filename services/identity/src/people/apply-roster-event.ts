import { COPY_TOPICS, repathed, underMovedOrg } from '@tongxin/copies';
import { claimEvent, recordEvent, tenantTransaction, type Database, type DomainEvent, type Tx } from '@tongxin/db';
import { parsePayload, TOPICS, type MemberUpdated } from '@tongxin/events';
import { and, eq } from 'drizzle-orm';
import { audit } from '../auth/audit.ts';
import { appointments, orgs, outbox, people, processedEvents, roleAssignments, users } from '../schema.ts';
import { recordSeatsChanged } from '../roles/record-seats-changed.ts';
import { endUserSessions } from '../sessions/sessions.ts';

const HANDLED = new Set<string>([COPY_TOPICS.memberCreated, COPY_TOPICS.memberUpdated, COPY_TOPICS.orgSaved, COPY_TOPICS.orgMoved]);

/**
 * Identity's copies of roster's members (`people`) and orgs, each event applied once, and
 * what a roster change means for the account (issue 12, "Roster events drive the account"):
 * a member transferred out loses access here (sessions end; the access token they hold
 * lapses within 60 s); a move to another branch moves their member grant; a new ledger
 * phone is their new username. Lost contact changes nothing.
 */
export async function applyRosterEventToIdentity(database: Database, event: DomainEvent): Promise<'applied' | 'duplicate' | 'ignored'> {
  if (!HANDLED.has(event.topic)) return 'ignored';
  return tenantTransaction(database, { tenantId: event.tenantId, tenantWide: true }, async (tx) => {
    if (!(await claimEvent(tx, processedEvents, event))) return 'duplicate';
    await apply(tx, event.tenantId, event);
    return 'applied';
  });
}

async function apply(tx: Tx, tenantId: string, event: DomainEvent) {
  switch (event.topic) {
    case COPY_TOPICS.memberCreated: {
      const p = parsePayload(COPY_TOPICS.memberCreated, event.payload);
      await tx
        .insert(people)
        .values({
          tenantId,
          memberId: p.memberId,
          userId: p.userId ?? null,
          name: p.name,
          phone: p.phone ?? null,
          idTailDigest: p.idTailDigest ?? null,
          branchId: p.branchId,
          orgPath: p.orgPath ?? `/${p.branchId}/`,
          status: p.status ?? 'resident',
        })
        // A member_updated that came first is at least as fresh.
        .onConflictDoNothing();
      return;
    }
    case COPY_TOPICS.memberUpdated:
      return applyMemberUpdated(tx, tenantId, parsePayload(COPY_TOPICS.memberUpdated, event.payload), event.createdAt);
    case COPY_TOPICS.orgSaved: {
      const p = parsePayload(COPY_TOPICS.orgSaved, event.payload);
      const values = { kind: p.kind, name: p.name, path: p.path, city: p.city, closedAt: p.closedAt ? new Date(p.closedAt) : null };
      await tx.insert(orgs).values({ tenantId, orgId: p.orgId, ...values }).onConflictDoUpdate({ target: [orgs.tenantId, orgs.orgId], set: values });
      return;
    }
    case COPY_TOPICS.orgMoved: {
      const p = parsePayload(COPY_TOPICS.orgMoved, event.payload);
      await tx.update(people).set({ orgPath: repathed(people.orgPath, p) }).where(and(eq(people.tenantId, tenantId), underMovedOrg(people.orgPath, p)));
      await tx.update(orgs).set({ path: repathed(orgs.path, p) }).where(and(eq(orgs.tenantId, tenantId), underMovedOrg(orgs.path, p)));
      await tx.update(appointments).set({ orgPath: repathed(appointments.orgPath, p) }).where(and(eq(appointments.tenantId, tenantId), underMovedOrg(appointments.orgPath, p)));
      return;
    }
  }
}

async function applyMemberUpdated(tx: Tx, tenantId: string, p: MemberUpdated, at: Date) {
  const [before] = await tx.select().from(people).where(and(eq(people.tenantId, tenantId), eq(people.memberId, p.memberId))).for('update');
  const values = {
    name: p.name,
    branchId: p.branchId,
    orgPath: p.orgPath,
    status: p.status,
    // Events from before issue 12 carry neither: keep what is known.
    ...(p.phone !== undefined ? { phone: p.phone } : {}),
    ...(p.idTailDigest !== undefined ? { idTailDigest: p.idTailDigest } : {}),
    updatedAt: at,
  };
  await tx.insert(people).values({ tenantId, memberId: p.memberId, userId: p.userId ?? null, ...values, phone: p.phone ?? null, idTailDigest: p.idTailDigest ?? null })
    .onConflictDoUpdate({ target: [people.tenantId, people.memberId], set: values });
  const userId = before?.userId ?? (p.userId && isUuid(p.userId) ? p.userId : null);
  if (!userId) return;

  if (p.status === 'transferred_out') return closeAccount(tx, tenantId, p.memberId, userId, at);
  if (before && before.branchId !== p.branchId) {
    await tx
      .update(roleAssignments)
      .set({ orgId: p.branchId })
      .where(and(eq(roleAssignments.tenantId, tenantId), eq(roleAssignments.userId, userId), eq(roleAssignments.role, 'member')));
  }
  if (p.phone && before?.phone !== p.phone) {
    // The username is the ledger's phone. A phone another account already uses stays
    // the old username until staff resolve it (the unique index refuses a second owner).
    const [taken] = await tx.select({ id: users.id }).from(users).where(and(eq(users.tenantId, tenantId), eq(users.username, p.phone)));
    const byStaff = p.changedBy !== undefined && p.changedBy !== 'member';
    if (!taken) await tx.update(users).set({ username: p.phone, ...(byStaff ? { usernameSetByStaffAt: at } : {}) }).where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
    if (!taken) await audit(tx, tenantId, 'username_changed', at, { userId, detail: { by: p.changedBy ?? 'unknown' } });
  }
}

/**
 * The membership left this county (a transfer elsewhere): the member grant and the
 * secretary appointments held here end, every session ends, and roster clears the link.
 */
async function closeAccount(tx: Tx, tenantId: string, memberId: string, userId: string, at: Date) {
  await tx.delete(roleAssignments).where(and(eq(roleAssignments.tenantId, tenantId), eq(roleAssignments.userId, userId)));
  await recordSeatsChanged(tx, tenantId, userId);
  await tx
    .update(appointments)
    .set({ endedAt: at })
    .where(and(eq(appointments.tenantId, tenantId), eq(appointments.userId, userId)));
  await endUserSessions(tx, tenantId, userId);
  await tx.update(people).set({ userId: null }).where(and(eq(people.tenantId, tenantId), eq(people.memberId, memberId)));
  await recordEvent(tx, outbox, tenantId, TOPICS.identity.accountClosed, { memberId, userId });
  await audit(tx, tenantId, 'account_closed', at, { userId, detail: { memberId, reason: 'transferred_out' } });
}

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
