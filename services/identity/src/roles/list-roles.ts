import type { Tx } from '@tongxin/db';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { appointments, orgs } from '../schema.ts';
import { managedPath, requireManagedOrg } from './caller-scope.ts';

/** Kinds that are expected to have a secretary: every org below the department (brief, "Organizations"). */
const SEATED_KINDS = new Set(['township', 'street', 'branch', 'general_branch', 'mobile_branch', 'flow_general', 'flow_branch']);

/**
 * The org tree in the caller's scope (or below `orgId`) with who holds each seat, flagging
 * the orgs that should have a secretary and have none.
 */
export async function listRoles(tx: Tx, tenantId: string, orgId: string | undefined) {
  const below = orgId ? (await requireManagedOrg(tx, tenantId, orgId)).path : null;
  const under = (path: typeof orgs.path) => (below ? sql`starts_with(${path}, ${below})` : undefined);
  const tree = await tx
    .select({ orgId: orgs.orgId, orgName: orgs.name, kind: orgs.kind, path: orgs.path })
    .from(orgs)
    .where(and(eq(orgs.tenantId, tenantId), isNull(orgs.closedAt), managedPath(orgs.path), under(orgs.path)))
    .orderBy(asc(orgs.path));
  const seats = await tx
    .select()
    .from(appointments)
    .where(and(eq(appointments.tenantId, tenantId), isNull(appointments.endedAt), managedPath(appointments.orgPath)))
    .orderBy(asc(appointments.appointedAt));
  return tree.map((org) => {
    const holders = seats
      .filter((seat) => seat.orgId === org.orgId)
      .map((seat) => ({
        appointmentId: seat.id,
        memberId: seat.memberId,
        userId: seat.userId,
        name: seat.name,
        title: seat.title,
        appointedAt: seat.appointedAt,
        hasAccount: seat.userId !== null,
      }));
    return { ...org, holders, withoutSecretary: SEATED_KINDS.has(org.kind) && !holders.some((h) => h.title === 'secretary') };
  });
}
