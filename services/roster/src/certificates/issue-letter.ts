import { chinaDate } from '@tongxin/calendar';
import type { Tx } from '@tongxin/db';
import { DomainError, badField } from '@tongxin/errors';
import type { LetterPurpose } from '@tongxin/ledger';
import { and, eq } from 'drizzle-orm';
import type { Subject } from '../mobility/find-subject.ts';
import type { OrgRow } from '../orgs/find-org.ts';
import { certificateLetters, orgs } from '../schema.ts';
import { requireCommittee, requireUnder } from './committee.ts';

export interface IssueLetterInput {
  purpose: LetterPurpose;
  destination: string;
  fromOn: string;
  toOn: string;
  note?: string | undefined;
  idempotencyKey: string;
}

/**
 * 证明信 (brief: not a certificate for short trips for meetings, study, secondment or family
 * visits): a dated record the committee keeps, with no number and no line in the register.
 * The member need not be registered as away. A retry with the same key answers the first letter.
 */
export async function issueLetter(tx: Tx, issuer: OrgRow, subject: Subject, input: IssueLetterInput, now: Date): Promise<{ letterId: string }> {
  const { member, actor } = subject;
  const tenantId = member.tenantId;
  const retried = await byKey(tx, tenantId, input.idempotencyKey);
  if (retried) {
    if (retried.memberId !== member.id) throw new DomainError('idempotency_key_reused', { message: 'This idempotency key was used for another letter' });
    return { letterId: retried.id };
  }
  requireCommittee(issuer);
  requireUnder(issuer, member);
  if (input.toOn < input.fromOn) throw badField('toOn', 'ends_before_start');
  const [branch] = await tx.select({ name: orgs.name }).from(orgs).where(and(eq(orgs.tenantId, tenantId), eq(orgs.id, member.branchId)));
  const [row] = await tx
    .insert(certificateLetters)
    .values({
      tenantId, memberId: member.id, holderName: member.name, branchName: branch?.name ?? '', issuerOrgId: issuer.id, issuerName: issuer.name,
      purpose: input.purpose, destination: input.destination, fromOn: input.fromOn, toOn: input.toOn, issuedOn: chinaDate(now),
      note: input.note ?? null, issuedBy: actor.userId, idempotencyKey: input.idempotencyKey, createdAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: certificateLetters.id });
  if (row) return { letterId: row.id };
  const raced = await byKey(tx, tenantId, input.idempotencyKey);
  return { letterId: raced!.id };
}

async function byKey(tx: Tx, tenantId: string, idempotencyKey: string) {
  const [row] = await tx
    .select({ id: certificateLetters.id, memberId: certificateLetters.memberId })
    .from(certificateLetters)
    .where(and(eq(certificateLetters.tenantId, tenantId), eq(certificateLetters.idempotencyKey, idempotencyKey)));
  return row;
}
