import { chinaDate } from '@tongxin/calendar';
import type { Tx } from '@tongxin/db';
import { DomainError, badField } from '@tongxin/errors';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { effectiveStatus } from '../certificates/find-certificate.ts';
import { reportTimeAway } from '../certificates/my-certificates.ts';
import { certificates, mobilityRequests, outflows } from '../schema.ts';
import type { MemberRow, Subject } from './find-subject.ts';
import type { FileOutflowInput, FileReturnInput } from './mobility-request-input.ts';
import { keyUsedForAnotherRequest } from '../members/request-digest.ts';

export const requestNotFound = () => new DomainError('mobility_request_not_found', { message: 'No such request in your scope' });

export type MobilityRequestRow = typeof mobilityRequests.$inferSelect;
type Kind = MobilityRequestRow['kind'];

/** The member's open time away, if one was registered. */
export async function openOutflow(tx: Tx, member: Pick<MemberRow, 'tenantId' | 'id'>) {
  const [open] = await tx
    .select({ id: outflows.id, leftOn: outflows.leftOn })
    .from(outflows)
    .where(and(eq(outflows.tenantId, member.tenantId), eq(outflows.memberId, member.id), isNull(outflows.returnedOn)));
  return open ?? null;
}

/** Away as the registrations read it: an open time away, or mobile / lost contact from before Tongxin (imported, seeded). */
export async function isAway(tx: Tx, member: MemberRow): Promise<boolean> {
  return member.status === 'mobile' || member.status === 'lost_contact' || (await openOutflow(tx, member)) !== null;
}

/**
 * The request a key already made. A retry answers with it whatever has happened since (it may
 * be confirmed, and the member away); a key the member used for the other kind is CONFLICT.
 */
async function requestByKey(tx: Tx, member: MemberRow, kind: Kind, idempotencyKey: string): Promise<{ requestId: string } | null> {
  const [row] = await tx
    .select({ id: mobilityRequests.id, memberId: mobilityRequests.memberId, kind: mobilityRequests.kind })
    .from(mobilityRequests)
    .where(and(eq(mobilityRequests.tenantId, member.tenantId), eq(mobilityRequests.idempotencyKey, idempotencyKey)));
  if (!row) return null;
  if (row.memberId !== member.id || row.kind !== kind) throw keyUsedForAnotherRequest();
  return { requestId: row.id };
}

/** Inserts the pending request; the partial unique index refuses a second pending one of the kind. */
async function insertRequest(tx: Tx, subject: Subject, kind: Kind, values: Partial<MobilityRequestRow>, idempotencyKey: string, now: Date) {
  const { member, actor } = subject;
  const [row] = await tx
    .insert(mobilityRequests)
    .values({ tenantId: member.tenantId, memberId: member.id, kind, filedBy: actor.userId, filedAt: now, idempotencyKey, ...values })
    .onConflictDoNothing()
    .returning({ id: mobilityRequests.id });
  if (row) return { requestId: row.id };
  // A concurrent retry of the same key, or another request of this kind already waiting.
  const raced = await requestByKey(tx, member, kind, idempotencyKey);
  if (raced) return raced;
  const [waiting] = await tx
    .select({ id: mobilityRequests.id })
    .from(mobilityRequests)
    .where(and(eq(mobilityRequests.tenantId, member.tenantId), eq(mobilityRequests.memberId, member.id), eq(mobilityRequests.kind, kind), eq(mobilityRequests.status, 'pending')));
  if (waiting) throw badField('kind', 'mobility_request_pending');
  // The key is another member's (their rows are not visible here).
  throw keyUsedForAnotherRequest();
}

/**
 * 外出登记 filed by the member (issue 17): pending until the home branch confirms it, which
 * runs `registerOutflow`. Refused for a member already away (BAD_REQUEST memberId), like the
 * registration itself.
 */
export async function fileOutflow(tx: Tx, subject: Subject, input: FileOutflowInput, now: Date): Promise<{ requestId: string }> {
  const retried = await requestByKey(tx, subject.member, 'outflow', input.idempotencyKey);
  if (retried) return retried;
  if (await isAway(tx, subject.member)) throw badField('memberId', 'already_away');
  return insertRequest(tx, subject, 'outflow', {
    leftOn: input.leftOn,
    destinationProvince: input.destinationProvince ?? null,
    destinationCity: input.destinationCity,
    reasonCode: input.reasonCode,
    reason: input.reason ?? null,
    expectedMonths: input.expectedMonths,
    contactPhone: input.contactPhone,
  }, input.idempotencyKey, now);
}

/**
 * 返乡登记 filed by the member: the day back and the report on the time away. The report is the
 * activity certificate's own (brief: "after returning, they report on the time away"): when
 * the member holds one not yet handed back, it is written there too, through the certificate's
 * `reportTimeAway`, so the committee's hand-back reads it without asking again (enter once).
 */
export async function fileReturn(tx: Tx, subject: Subject, input: FileReturnInput, now: Date): Promise<{ requestId: string }> {
  const { member } = subject;
  const retried = await requestByKey(tx, member, 'return', input.idempotencyKey);
  if (retried) return retried;
  const open = await openOutflow(tx, member);
  if (!open && member.status !== 'mobile' && member.status !== 'lost_contact') throw badField('memberId', 'not_away');
  const leftOn = open?.leftOn ?? member.awaySince;
  if (leftOn && input.returnedOn < leftOn) throw badField('returnedOn', 'before_left_on', { date: leftOn });
  const report = { activities: input.activities, joinedOrg: input.joinedOrg, meetings: input.meetings };
  const filed = await insertRequest(tx, subject, 'return', {
    returnedOn: input.returnedOn,
    reportActivities: report.activities,
    reportJoinedOrg: report.joinedOrg ?? null,
    reportMeetings: report.meetings,
  }, input.idempotencyKey, now);
  const certificate = await standingCertificate(tx, member, now);
  if (certificate && member.userId) await reportTimeAway(tx, member.tenantId, member.userId, { certificateId: certificate.id, ...report }, now);
  return filed;
}

/** The member's certificate not yet handed back (valid, or past its end), if any. */
export async function standingCertificate(tx: Tx, member: Pick<MemberRow, 'tenantId' | 'id'>, now: Date) {
  const rows = await tx
    .select({
      id: certificates.id, status: certificates.status, validUntil: certificates.validUntil,
      reportActivities: certificates.reportActivities, reportJoinedOrg: certificates.reportJoinedOrg, reportMeetings: certificates.reportMeetings,
    })
    .from(certificates)
    .where(and(eq(certificates.tenantId, member.tenantId), eq(certificates.memberId, member.id), sql`${certificates.status} in ('valid', 'expired')`));
  const today = chinaDate(now);
  return rows.find((row) => ['valid', 'expired'].includes(effectiveStatus(row, today))) ?? null;
}

/**
 * The member withdraws their own pending request. Withdrawn already: the same answer (a
 * retry); decided meanwhile: BAD_REQUEST requestId already_decided with its status.
 */
export async function withdrawRequest(tx: Tx, member: MemberRow, requestId: string, now: Date): Promise<{ requestId: string; status: 'withdrawn' }> {
  const [row] = await tx
    .select({ id: mobilityRequests.id, status: mobilityRequests.status })
    .from(mobilityRequests)
    .where(and(eq(mobilityRequests.tenantId, member.tenantId), eq(mobilityRequests.id, requestId), eq(mobilityRequests.memberId, member.id)))
    .for('update');
  if (!row) throw requestNotFound();
  if (row.status === 'withdrawn') return { requestId: row.id, status: 'withdrawn' };
  if (row.status !== 'pending') throw badField('requestId', 'already_decided', { status: row.status });
  await tx
    .update(mobilityRequests)
    .set({ status: 'withdrawn', decidedAt: now, decidedBy: member.userId })
    .where(and(eq(mobilityRequests.tenantId, member.tenantId), eq(mobilityRequests.id, row.id)));
  return { requestId: row.id, status: 'withdrawn' };
}
