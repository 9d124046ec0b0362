import { inOrgScope, type Tx } from '@tongxin/db';
import { DomainError } from '@tongxin/errors';
import { scopeOf, type Caller } from '@tongxin/trpc';
import { and, eq } from 'drizzle-orm';
import { refuseDecidingAboutMember } from '../members/refuse-deciding-about-member.ts';
import { certificates, members, orgs } from '../schema.ts';

export type CertificateRow = typeof certificates.$inferSelect;

const notFound = () => new DomainError('certificate_not_found', { message: 'No such certificate in your scope' });

/**
 * A certificate of the caller's county by id, read through RLS: one the caller may not see
 * (another county's, a member outside their subtree, someone else's) is NOT_FOUND.
 */
export async function findCertificate(tx: Tx, tenantId: string, certificateId: string): Promise<CertificateRow> {
  const [row] = await tx.select().from(certificates).where(and(eq(certificates.tenantId, tenantId), eq(certificates.id, certificateId)));
  if (!row) throw notFound();
  return row;
}

/** The member's own certificate (a member's transaction): another's is NOT_FOUND. */
export async function findOwnCertificate(tx: Tx, tenantId: string, userId: string, certificateId: string): Promise<CertificateRow> {
  const [row] = await tx
    .select({ certificate: certificates })
    .from(certificates)
    .innerJoin(members, and(eq(members.tenantId, certificates.tenantId), eq(members.id, certificates.memberId)))
    .where(and(eq(certificates.tenantId, tenantId), eq(certificates.id, certificateId), eq(members.userId, userId)));
  if (!row) throw notFound();
  return row.certificate;
}

/**
 * A certificate its register's committee decides about (hand back, revoke): the issuing
 * committee's secretaries, those above it, or the department; a branch secretary who sees it
 * is FORBIDDEN (not_your_org). Nobody decides about their own certificate (issue 13 C).
 */
export async function findCertificateToDecide(tx: Tx, caller: Caller, certificateId: string): Promise<CertificateRow> {
  const certificate = await findCertificate(tx, caller.tenantId, certificateId);
  const [issuer] = await tx.select({ path: orgs.path }).from(orgs).where(and(eq(orgs.tenantId, caller.tenantId), eq(orgs.id, certificate.issuerOrgId)));
  if (!issuer || !inOrgScope(issuer.path, scopeOf(caller))) throw new DomainError('not_your_org', { message: "Only the issuing committee decides about its certificates" });
  const [member] = await tx.select({ tenantId: members.tenantId, userId: members.userId }).from(members)
    .where(and(eq(members.tenantId, caller.tenantId), eq(members.id, certificate.memberId)));
  await refuseDecidingAboutMember(tx, caller, member ?? { tenantId: caller.tenantId, userId: null });
  return certificate;
}

/** The state a reader sees: a valid certificate past its end date is expired, whether or not the daily job has marked it yet. */
export function effectiveStatus(row: Pick<CertificateRow, 'status' | 'validUntil'>, today: string): CertificateRow['status'] {
  return row.status === 'valid' && row.validUntil < today ? 'expired' : row.status;
}
