import type { Tx } from '@tongxin/db';
import type { MessagingDeps } from '@tongxin/sms';
import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { audit } from '../auth/audit.ts';
import { sendMessage, type DeliveryStatus } from '../channel/send-message.ts';
import { hashCode, newActivationCode } from '../codes/single-use-code.ts';
import { managedPath, requireManagedOrg } from '../roles/caller-scope.ts';
import { activationCodes, orgs, people } from '../schema.ts';
import { DomainError } from '@tongxin/errors';

/** Issue 12: an activation code lives 14 days. */
export const ACTIVATION_TTL_MS = 14 * 24 * 3600_000;

export interface IssueActivationInput {
  memberIds?: string[];
  branchId?: string;
  /** The client's key for this one click: a retried request issues nothing new. */
  idempotencyKey: string;
}

export interface IssuedCode {
  memberId: string;
  name: string;
  branchName: string;
  /** Shown once, for the printable sheet; null when a retry answers a batch issued before. */
  code: string | null;
  link: string | null;
  expiresAt: Date;
  /** What the channel did with it (null on a retry's answer). */
  delivery: DeliveryStatus | null;
}

export interface SkippedMember {
  memberId: string;
  name: string;
  reason: 'active' | 'no_phone';
}

export interface IssueActivationResult {
  issued: IssuedCode[];
  skipped: SkippedMember[];
  /** True when this answers a retry of an issue already done: print from the first answer, or issue again with a new key. */
  replayed: boolean;
}

type Target = { memberId: string; name: string; phone: string | null; userId: string | null; branchId: string; branchName: string };

/** The page a member opens (relative: the client puts its own origin in front). */
export const activationLink = (tenantId: string, code: string) => `/activate?t=${encodeURIComponent(tenantId)}&code=${code}`;

/**
 * Issues a new code to each member asked for (one, or a whole branch) who is in the caller's
 * scope, has no account yet and has a phone on the ledger; the others come back skipped with
 * the reason. A member's earlier pending codes are revoked, so only the newest sheet works.
 * Only each code's SHA-256 is stored: the codes are in this answer and in the messages sent,
 * nowhere else.
 *
 * Retries: codes cannot be shown twice (they are not stored), so the key is kept on the rows
 * and a retry with the same key answers the same members with `code: null` and
 * `replayed: true`, issuing and sending nothing. An advisory lock on the key makes two
 * concurrent retries wait for each other.
 */
export async function issueActivationCodes(
  tx: Tx,
  deps: { messages?: MessagingDeps; now: () => Date; publicUrl?: string },
  issuer: { tenantId: string; userId: string },
  input: IssueActivationInput,
): Promise<IssueActivationResult> {
  const { tenantId } = issuer;
  const now = deps.now();
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`identity.activation:${tenantId}:${issuer.userId}:${input.idempotencyKey}`}, 0))`);
  const targets = await findTargets(tx, tenantId, input);
  const skipped = skippedOf(targets);

  const earlier = await tx
    .select({ memberId: activationCodes.memberId, expiresAt: activationCodes.expiresAt })
    .from(activationCodes)
    .where(and(eq(activationCodes.tenantId, tenantId), eq(activationCodes.issuedByUserId, issuer.userId), eq(activationCodes.idempotencyKey, input.idempotencyKey)));
  if (earlier.length > 0) return replay(targets, earlier);

  const eligible = targets.filter((t) => !t.userId && t.phone);
  if (eligible.length === 0) return { issued: [], skipped, replayed: false };
  const expiresAt = new Date(now.getTime() + ACTIVATION_TTL_MS);
  const codes = eligible.map((t) => ({ target: t, code: newActivationCode() }));
  const memberIds = eligible.map((t) => t.memberId);
  await tx
    .update(activationCodes)
    .set({ revokedAt: now })
    .where(and(eq(activationCodes.tenantId, tenantId), inArray(activationCodes.memberId, memberIds), isNull(activationCodes.usedAt), isNull(activationCodes.revokedAt)));
  await tx.insert(activationCodes).values(
    codes.map(({ target, code }) => ({
      tenantId,
      codeHash: hashCode(code),
      memberId: target.memberId,
      issuedByUserId: issuer.userId,
      idempotencyKey: input.idempotencyKey,
      createdAt: now,
      expiresAt,
    })),
  );
  for (const { target } of codes) {
    await audit(tx, tenantId, 'activation_issued', now, { actorUserId: issuer.userId, orgId: target.branchId, detail: { memberId: target.memberId } });
  }

  // Sent last, after every write (sendMessage calls the provider inside this transaction).
  const issued: IssuedCode[] = [];
  for (const { target, code } of codes) {
    const link = activationLink(tenantId, code);
    const delivery = await sendMessage(tx, deps, { tenantId, phone: target.phone!, kind: 'activation', params: { code, link: `${deps.publicUrl ?? ''}${link}`, days: '14' } });
    issued.push({ memberId: target.memberId, name: target.name, branchName: target.branchName, code, link, expiresAt, delivery: delivery.status });
  }
  return { issued, skipped, replayed: false };
}

/** The members asked for, in the caller's scope; one outside it (or unknown) is NOT_FOUND, so nothing is revealed. */
async function findTargets(tx: Tx, tenantId: string, input: IssueActivationInput): Promise<Target[]> {
  if (input.branchId) await requireManagedOrg(tx, tenantId, input.branchId);
  const which = input.branchId ? eq(people.branchId, input.branchId) : inArray(people.memberId, input.memberIds ?? []);
  const rows = await tx
    .select({
      memberId: people.memberId,
      name: people.name,
      phone: people.phone,
      userId: people.userId,
      branchId: people.branchId,
      branchName: sql<string>`coalesce(${orgs.name}, '')`,
    })
    .from(people)
    .leftJoin(orgs, and(eq(orgs.tenantId, people.tenantId), eq(orgs.orgId, people.branchId)))
    .where(and(eq(people.tenantId, tenantId), which, ne(people.status, 'transferred_out'), managedPath(people.orgPath)))
    .orderBy(asc(people.name));
  if (!input.branchId && rows.length < new Set(input.memberIds).size) throw new DomainError('member_not_found', { message: 'No such member' });
  return rows;
}

function replay(targets: Target[], earlier: { memberId: string; expiresAt: Date }[]): IssueActivationResult {
  const byMember = new Map(earlier.map((row) => [row.memberId, row.expiresAt]));
  const issued = targets.flatMap((t): IssuedCode[] => {
    const expiresAt = byMember.get(t.memberId);
    return expiresAt ? [{ memberId: t.memberId, name: t.name, branchName: t.branchName, code: null, link: null, expiresAt, delivery: null }] : [];
  });
  return { issued, skipped: skippedOf(targets.filter((t) => !byMember.has(t.memberId))), replayed: true };
}

/** Members who get no code, and why: an account already, or no phone on the ledger to send it to. */
function skippedOf(targets: Target[]): SkippedMember[] {
  return targets.flatMap((t): SkippedMember[] => {
    const reason = t.userId ? 'active' : t.phone ? null : 'no_phone';
    return reason ? [{ memberId: t.memberId, name: t.name, reason }] : [];
  });
}
