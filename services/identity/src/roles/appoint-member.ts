import type { Tx } from '@tongxin/db';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { appointments, people } from '../schema.ts';
import { mayAppoint, type Title } from './appointment-rule.ts';
import { managedPath, outsideScope, requireManagedOrg } from './caller-scope.ts';
import { recordAppointment } from './record-appointment.ts';
import { DomainError, badField } from '@tongxin/errors';

export interface Appointer {
  tenantId: string;
  userId: string;
  /** The secretary's orgs; null for the department. */
  orgIds: readonly string[] | null;
}

/**
 * Appoints a member of the org's subtree as its secretary or deputy. The org must be in the
 * caller's scope and the seat theirs to fill (`mayAppoint`), else FORBIDDEN 'Outside your
 * scope'; the same member holds a seat once (CONFLICT). Seats of one org are appointed one at
 * a time (an advisory lock), so two clicks cannot seat someone twice.
 */
export async function appointMember(tx: Tx, caller: Appointer, input: { orgId: string; memberId: string; title: Title }, now: Date) {
  const { tenantId } = caller;
  const org = await requireManagedOrg(tx, tenantId, input.orgId);
  if (!mayAppoint(caller.orgIds, org, input.title)) throw outsideScope();
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`identity.appointments:${tenantId}:${org.orgId}`}, 0))`);

  const [person] = await tx
    .select({ memberId: people.memberId, userId: people.userId, name: people.name, orgPath: people.orgPath })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), eq(people.memberId, input.memberId), ne(people.status, 'transferred_out'), managedPath(people.orgPath)));
  if (!person) throw new DomainError('member_not_found', { message: 'No such member' });
  if (!person.orgPath.startsWith(org.path)) throw badField('memberId', 'member_outside_org');

  const [seated] = await tx
    .select({ id: appointments.id })
    .from(appointments)
    .where(and(eq(appointments.tenantId, tenantId), eq(appointments.orgId, org.orgId), eq(appointments.memberId, person.memberId), isNull(appointments.endedAt)));
  if (seated) throw new DomainError('already_appointed', { message: 'Already appointed to this organization' });

  return recordAppointment(tx, tenantId, { org, memberId: person.memberId, userId: person.userId, name: person.name, title: input.title, actorUserId: caller.userId, now });
}
