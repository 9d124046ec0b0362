import type { Tx } from '@tongxin/db';
import { and, eq, isNull, ne } from 'drizzle-orm';
import { audit } from '../auth/audit.ts';
import { appointments, roleAssignments } from '../schema.ts';
import { mayAppoint, type Title } from './appointment-rule.ts';
import type { Appointer } from './appoint-member.ts';
import { managedPath, outsideScope } from './caller-scope.ts';
import { recordSeatsChanged } from './record-seats-changed.ts';
import { DomainError } from '@tongxin/errors';

/**
 * Ends an appointment (kept, with who ended it and when) and takes back the `secretary` role
 * unless the same person still holds another seat of that org; their next token refresh
 * drops it, so it stops working everywhere within 60 s.
 */
export async function removeAppointment(tx: Tx, caller: Appointer, appointmentId: string, now: Date) {
  const { tenantId } = caller;
  const [seat] = await tx
    .select()
    .from(appointments)
    .where(and(eq(appointments.tenantId, tenantId), eq(appointments.id, appointmentId), isNull(appointments.endedAt), managedPath(appointments.orgPath)))
    .for('update');
  if (!seat) throw new DomainError('appointment_not_found', { message: 'No such appointment' });
  if (!mayAppoint(caller.orgIds, { orgId: seat.orgId, path: seat.orgPath }, seat.title as Title)) throw outsideScope();

  await tx.update(appointments).set({ endedAt: now, endedByUserId: caller.userId }).where(and(eq(appointments.tenantId, tenantId), eq(appointments.id, seat.id)));
  if (seat.userId) {
    const [other] = await tx
      .select({ id: appointments.id })
      .from(appointments)
      .where(and(eq(appointments.tenantId, tenantId), eq(appointments.userId, seat.userId), eq(appointments.orgId, seat.orgId), isNull(appointments.endedAt), ne(appointments.id, seat.id)));
    if (!other) {
      await tx
        .delete(roleAssignments)
        .where(and(eq(roleAssignments.tenantId, tenantId), eq(roleAssignments.userId, seat.userId), eq(roleAssignments.role, 'secretary'), eq(roleAssignments.orgId, seat.orgId)));
      await recordSeatsChanged(tx, tenantId, seat.userId);
    }
  }
  await audit(tx, tenantId, 'role_removed', now, {
    userId: seat.userId,
    actorUserId: caller.userId,
    orgId: seat.orgId,
    detail: { appointmentId: seat.id, title: seat.title, memberId: seat.memberId },
  });
  return { ok: true as const };
}
