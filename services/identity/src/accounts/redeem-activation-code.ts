import type { Tx } from '@tongxin/db';
import { recordEvent } from '@tongxin/db';
import { TOPICS } from '@tongxin/events';
import { idTailDigest } from '@tongxin/ledger';
import { and, eq, isNull } from 'drizzle-orm';
import { audit } from '../auth/audit.ts';
import { hashCode } from '../codes/single-use-code.ts';
import { recordSeatsChanged } from '../roles/record-seats-changed.ts';
import { grantRole, openAccount } from './open-account.ts';
import { activationCodes, appointments, outbox, people, tenants, users } from '../schema.ts';
import { openSession } from '../sessions/start-session.ts';
import { ACTIVATION_CLIENT_FAILURES, clientKey, countHit, isThrottled } from '../throttle/throttle.ts';

/** Wrong details typed with one code before it locks for 15 minutes, as a login does. */
export const CODE_FAILURES_PER_LOCK = 5;
export const CODE_LOCK_MS = 15 * 60_000;
/** …and in all before the code ends for good: the member asks for a new one. */
export const CODE_FAILURES_MAX = 10;

export type ActivationRefusal =
  /** Unknown, expired, used, revoked or ended code; unknown county; a member no longer here. */
  | 'invalid'
  | 'suspended'
  /** The code (5 wrong details) or the client address (20 failures) is locked for now. */
  | 'locked'
  /** Name, ID tail or phone wrong, whichever it was. */
  | 'mismatch'
  /** The member has an account already. */
  | 'active'
  /** An account already uses this phone as its username. */
  | 'phone_taken';

export interface ActivationDetails {
  code: string;
  name: string;
  idTail?: string;
  phone?: string;
  password: string;
  ip: string | null;
}

type Opened = Awaited<ReturnType<typeof openSession>>;

/**
 * What the activation page shows before the member types anything: the county's name, and
 * nothing about the person. A code unknown here counts against the client address, so
 * the page cannot be used to guess codes.
 */
export async function checkActivationCode(tx: Tx, tenantId: string, input: { code: string; ip: string | null }, now: Date) {
  const found = await findUsableCode(tx, tenantId, input.code, input.ip, now);
  if (found.outcome !== 'ok') return found;
  return { outcome: 'ok' as const, tenantName: found.tenantName };
}

/**
 * A member proves who they are with a code, their name and the last 6 characters of their ID
 * number (or the phone on the ledger), and sets a password: in one transaction the account
 * opens (username: the ledger phone; member of their branch), the code is used, appointments
 * waiting for them become secretary roles, roster hears `identity.account_activated`, and a
 * session opens. A phone some account already logs in with is refused. Refusals are
 * returned, not thrown, so the failure counters
 * commit; the answer to wrong details never says which part was wrong.
 */
export async function redeemActivationCode(
  tx: Tx,
  tenantId: string,
  input: ActivationDetails,
  now: Date,
): Promise<{ outcome: 'ok'; opened: Opened } | { outcome: ActivationRefusal }> {
  const found = await findUsableCode(tx, tenantId, input.code, input.ip, now);
  if (found.outcome !== 'ok') return found;
  const { code, person } = found;

  if (!detailsMatch(person, input)) return { outcome: await countFailure(tx, tenantId, code, input.ip, now) };
  if (person.userId) return { outcome: 'active' };
  const phone = person.phone;
  if (!phone) return { outcome: 'invalid' };
  // Someone already logs in with this phone. A code never links or opens that account:
  // whoever holds a code may have set the ledger phone (a secretary can), and guessing the
  // account's password here would dodge its login lock (attack review, issue 12).
  if (await phoneHolder(tx, tenantId, phone)) return { outcome: 'phone_taken' };

  const member = { role: 'member' as const, orgId: person.branchId };
  const { userId } = await openAccount(tx, tenantId, { username: phone, name: person.name, password: input.password, grants: [member], now });
  await tx.update(people).set({ userId }).where(and(eq(people.tenantId, tenantId), eq(people.memberId, person.memberId)));
  await tx.update(activationCodes).set({ usedAt: now }).where(and(eq(activationCodes.tenantId, tenantId), eq(activationCodes.id, code.id)));
  const waiting = await tx
    .update(appointments)
    .set({ userId })
    .where(and(eq(appointments.tenantId, tenantId), eq(appointments.memberId, person.memberId), isNull(appointments.userId), isNull(appointments.endedAt)))
    .returning({ orgId: appointments.orgId });
  for (const appointment of waiting) await grantRole(tx, tenantId, userId, { role: 'secretary', orgId: appointment.orgId });
  if (waiting.length > 0) await recordSeatsChanged(tx, tenantId, userId);
  await recordEvent(tx, outbox, tenantId, TOPICS.identity.accountActivated, { memberId: person.memberId, userId });
  await audit(tx, tenantId, 'activated', now, { userId, username: phone, ip: input.ip, orgId: person.branchId, detail: { memberId: person.memberId } });
  return { outcome: 'ok', opened: await openSession(tx, tenantId, userId, now) };
}

type Person = typeof people.$inferSelect;
type CodeRow = typeof activationCodes.$inferSelect;

async function findUsableCode(
  tx: Tx,
  tenantId: string,
  typed: string,
  ip: string | null,
  now: Date,
): Promise<{ outcome: 'ok'; code: CodeRow; person: Person; tenantName: string } | { outcome: 'invalid' | 'suspended' | 'locked' }> {
  const [tenant] = await tx.select({ name: tenants.name, suspendedAt: tenants.suspendedAt }).from(tenants).where(eq(tenants.id, tenantId));
  if (!tenant) return { outcome: 'invalid' };
  if (tenant.suspendedAt) return { outcome: 'suspended' };
  const client = clientKey('activation', ip);
  if (await isThrottled(tx, tenantId, client, now)) return { outcome: 'locked' };

  const [code] = await tx
    .select()
    .from(activationCodes)
    .where(and(eq(activationCodes.tenantId, tenantId), eq(activationCodes.codeHash, hashCode(typed))))
    .for('update');
  if (!code) return { outcome: (await countHit(tx, tenantId, client, ACTIVATION_CLIENT_FAILURES, now)) ? 'locked' : 'invalid' };
  if (code.usedAt || code.revokedAt || code.expiresAt <= now || code.failures >= CODE_FAILURES_MAX) return { outcome: 'invalid' };
  if (code.lockedUntil && code.lockedUntil > now) return { outcome: 'locked' };
  const [person] = await tx.select().from(people).where(and(eq(people.tenantId, tenantId), eq(people.memberId, code.memberId)));
  if (!person || person.status === 'transferred_out') return { outcome: 'invalid' };
  return { outcome: 'ok', code, person, tenantName: tenant.name };
}

/** The name exactly (trimmed) and every proof given: the ID tail's digest, or the ledger's phone. */
function detailsMatch(person: Person, input: ActivationDetails): boolean {
  if (input.name.trim() !== person.name.trim()) return false;
  if (!input.idTail && !input.phone) return false;
  if (input.idTail && (!person.idTailDigest || idTailDigest(person.memberId, input.idTail) !== person.idTailDigest)) return false;
  if (input.phone && (!person.phone || input.phone !== person.phone)) return false;
  return true;
}

/** One more wrong try on this code (5 lock it for 15 minutes, 10 end it) and from this client. */
async function countFailure(tx: Tx, tenantId: string, code: CodeRow, ip: string | null, now: Date): Promise<'mismatch' | 'locked'> {
  const failures = code.failures + 1;
  const ends = failures >= CODE_FAILURES_MAX;
  const locks = ends || failures % CODE_FAILURES_PER_LOCK === 0;
  const lockedUntil = ends ? code.expiresAt : locks ? new Date(now.getTime() + CODE_LOCK_MS) : code.lockedUntil;
  await tx.update(activationCodes).set({ failures, lockedUntil }).where(and(eq(activationCodes.tenantId, tenantId), eq(activationCodes.id, code.id)));
  await audit(tx, tenantId, 'activation_failed', now, { ip, detail: { memberId: code.memberId, failures, locked: locks } });
  const clientLocked = await countHit(tx, tenantId, clientKey('activation', ip), ACTIVATION_CLIENT_FAILURES, now);
  return locks || clientLocked ? 'locked' : 'mismatch';
}

/** Whether an account already logs in with this phone. */
async function phoneHolder(tx: Tx, tenantId: string, phone: string): Promise<boolean> {
  const [holder] = await tx.select({ userId: users.id }).from(users).where(and(eq(users.tenantId, tenantId), eq(users.username, phone)));
  return Boolean(holder);
}
