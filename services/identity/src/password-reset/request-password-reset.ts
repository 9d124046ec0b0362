import type { Tx } from '@tongxin/db';
import type { MessagingDeps } from '@tongxin/sms';
import { and, eq, ne } from 'drizzle-orm';
import { accountIsOpen } from '../auth/account-is-open.ts';
import { audit } from '../auth/audit.ts';
import { sendMessage } from '../channel/send-message.ts';
import { hashCode, newSmsCode } from '../codes/single-use-code.ts';
import { resetCodes, roleAssignments, users } from '../schema.ts';
import { tenantState } from '../tenants/manage-tenants.ts';
import { CLIENT_FAILURES, clientKey, countHit, isThrottled, type Limit } from '../throttle/throttle.ts';

/** Issue 12: a reset code lives 15 minutes. */
export const RESET_TTL_MS = 15 * 60_000;

/**
 * Requests for one phone, counted whether or not it is anyone's username (the answer must not
 * differ): five an hour, as the channel's own per-phone limit.
 */
export const RESET_REQUESTS_PER_PHONE: Limit = { max: 5, windowMs: 60 * 60_000, lockMs: 60 * 60_000 };

/** The per-client budget of the whole reset flow: requests and wrong codes together. */
export const resetClientKey = (ip: string | null) => clientKey('reset', ip);

export type ResetRefusal = 'unknown_tenant' | 'suspended' | 'throttled';

/**
 * A forgotten password (issue 12), the part inside the request: the county's state, the
 * limits (every request counts, account or not) and the audit row. It runs the same
 * statements whether or not the phone is an open account's username, and sends nothing: the
 * code is made and sent after the answer (`sendResetCode`), so neither the answer nor its
 * timing says whether an account exists (issue 13 E: 22–71 ms with an account against
 * 10–13 ms without, when the SMS was sent inside the request).
 */
export async function requestPasswordReset(
  tx: Tx,
  deps: { now: () => Date },
  input: { tenantId: string; phone: string; ip: string | null },
): Promise<{ outcome: 'ok' } | { outcome: ResetRefusal }> {
  const { tenantId, phone } = input;
  const now = deps.now();
  const state = await tenantState(tx, tenantId);
  if (state !== 'active') return { outcome: state === 'unknown' ? 'unknown_tenant' : 'suspended' };
  const client = resetClientKey(input.ip);
  const perPhone = `reset:phone:${phone}`;
  if ((await isThrottled(tx, tenantId, client, now)) || (await isThrottled(tx, tenantId, perPhone, now))) return { outcome: 'throttled' };
  const overClient = await countHit(tx, tenantId, client, CLIENT_FAILURES, now);
  const overPhone = await countHit(tx, tenantId, perPhone, RESET_REQUESTS_PER_PHONE, now);
  if (overClient || overPhone) return { outcome: 'throttled' };
  const user = await openAccountByPhone(tx, tenantId, phone);
  await audit(tx, tenantId, 'reset_requested', now, { userId: user?.id ?? null, username: phone, ip: input.ip });
  return { outcome: 'ok' };
}

/**
 * After the answer: when the phone is the username of an open account (one that still holds
 * a grant here: a member transferred out gets no code, `auth/account-is-open.ts`), a 6-digit
 * code valid 15 minutes is stored (its SHA-256) and sent by SMS. Otherwise nothing.
 */
export async function sendResetCode(
  tx: Tx,
  deps: { messages?: MessagingDeps; now: () => Date },
  input: { tenantId: string; phone: string; ip: string | null },
): Promise<'sent' | 'not_sent'> {
  const { tenantId, phone } = input;
  const now = deps.now();
  const user = await openAccountByPhone(tx, tenantId, phone);
  if (!user) return 'not_sent';
  if (await staffSetPhoneOfWiderAccount(tx, tenantId, user.id, now)) {
    await audit(tx, tenantId, 'reset_refused', now, { userId: user.id, username: phone, ip: input.ip, detail: { reason: 'phone_set_by_staff' } });
    return 'not_sent';
  }
  const code = newSmsCode();
  const [row] = await tx
    .insert(resetCodes)
    .values({ tenantId, userId: user.id, codeHash: hashCode(code), createdAt: now, expiresAt: new Date(now.getTime() + RESET_TTL_MS) })
    .returning({ id: resetCodes.id });
  const delivery = await sendMessage(tx, deps, { tenantId, phone, kind: 'reset', params: { code, minutes: '15' } });
  // A code that never left cannot be typed: it does not wait 15 minutes to be guessed.
  if (delivery.status !== 'sent') await tx.delete(resetCodes).where(and(eq(resetCodes.tenantId, tenantId), eq(resetCodes.id, row!.id)));
  return delivery.status === 'sent' ? 'sent' : 'not_sent';
}

async function openAccountByPhone(tx: Tx, tenantId: string, phone: string) {
  const [user] = await tx.select({ id: users.id }).from(users).where(and(eq(users.tenantId, tenantId), eq(users.username, phone), accountIsOpen));
  return user ?? null;
}

/** How long a phone that staff set keeps a wider account's reset closed. */
export const STAFF_PHONE_HOLD_MS = 14 * 86_400_000;

/**
 * True when staff set this username (the member's ledger phone) within the hold and the
 * account holds more than a member's grant (a secretary's or the department's): a branch
 * secretary may change a member's phone, but must not thereby receive the reset code of an
 * account whose roles reach beyond their own scope. The holder logs in with their password,
 * or the department resets it.
 */
async function staffSetPhoneOfWiderAccount(tx: Tx, tenantId: string, userId: string, now: Date): Promise<boolean> {
  const [user] = await tx.select({ setAt: users.usernameSetByStaffAt }).from(users).where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
  if (!user?.setAt || now.getTime() - user.setAt.getTime() >= STAFF_PHONE_HOLD_MS) return false;
  const [wider] = await tx
    .select({ id: roleAssignments.id })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.tenantId, tenantId), eq(roleAssignments.userId, userId), ne(roleAssignments.role, 'member')))
    .limit(1);
  return Boolean(wider);
}
