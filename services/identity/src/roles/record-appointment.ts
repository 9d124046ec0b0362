import type { Tx } from '@tongxin/db';
import { audit } from '../auth/audit.ts';
import { grantRole } from '../accounts/open-account.ts';
import { appointments } from '../schema.ts';
import { recordSeatsChanged } from './record-seats-changed.ts';
import type { Title } from './appointment-rule.ts';

export interface NewAppointment {
  org: { orgId: string; path: string };
  /** The member appointed; null for invited staff who are not members. */
  memberId: string | null;
  /** Their account, if they have one: the appointment is then a `secretary` role at once. */
  userId: string | null;
  name: string;
  title: Title;
  /** Who appointed (for an accepted invitation: who invited). */
  actorUserId: string | null;
  now: Date;
}

/**
 * The one way a seat is filled: the appointment (the audited record the tree shows) and, when
 * the person has an account, the `secretary` role for the org, which their next token refresh
 * picks up (within 60 s). A member without an account yet gets the role when they activate.
 * Callers check who may appoint (`mayAppoint`); invitations.accept calls this for a staff
 * invitation to a seat.
 */
export async function recordAppointment(tx: Tx, tenantId: string, seat: NewAppointment): Promise<{ appointmentId: string }> {
  const [row] = await tx
    .insert(appointments)
    .values({
      tenantId,
      orgId: seat.org.orgId,
      orgPath: seat.org.path,
      memberId: seat.memberId,
      userId: seat.userId,
      name: seat.name,
      title: seat.title,
      appointedByUserId: seat.actorUserId,
      appointedAt: seat.now,
    })
    .returning({ id: appointments.id });
  if (seat.userId) {
    await grantRole(tx, tenantId, seat.userId, { role: 'secretary', orgId: seat.org.orgId });
    await recordSeatsChanged(tx, tenantId, seat.userId);
  }
  await audit(tx, tenantId, 'role_granted', seat.now, {
    userId: seat.userId,
    actorUserId: seat.actorUserId,
    orgId: seat.org.orgId,
    detail: { appointmentId: row!.id, title: seat.title, memberId: seat.memberId },
  });
  return { appointmentId: row!.id };
}
