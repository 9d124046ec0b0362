import type { Tx } from '@tongxin/db';
import { decryptSecret, type DeliveryResult, type MessageChannel, type MessagingDeps, type OutboundSms } from '@tongxin/sms';
import { eq } from 'drizzle-orm';
import { messageDeliveries, smsSettings } from '../schema.ts';
import { countHit, isThrottled, type Limit } from '../throttle/throttle.ts';

/**
 * Per-phone limits (issue 12: "a per-phone rate limit"): one message a minute and five an
 * hour to one number, whatever asks for them, so nobody can flood a member's phone (or the
 * county's SMS bill) by asking for codes.
 */
export const PHONE_PER_MINUTE: Limit = { max: 1, windowMs: 60_000, lockMs: 60_000 };
export const PHONE_PER_HOUR: Limit = { max: 5, windowMs: 60 * 60_000, lockMs: 60 * 60_000 };

export type DeliveryStatus = 'sent' | 'failed' | 'refused_rate_limit';

/** A message handed (or not) to a channel, as recorded in `identity.message_deliveries`. */
export type Delivery = {
  id: string;
  provider: DeliveryResult['provider'];
  status: DeliveryStatus;
  providerMessageId: string | null;
  errorCode: string | null;
};

/** The number without its country code, so `+8613800000001` and `13800000001` share a limit. */
const localNumber = (phone: string) => phone.replace(/^(\+86|0086)/, '');

/**
 * Sends one message through the county's channel and records the outcome in the same
 * transaction: its own Tencent Cloud SMS account when its department configured one, else the
 * development channel. Over the per-phone limit nothing is sent and the refusal is recorded
 * (status `refused_rate_limit`); a caller that answers a person maps that to TOO_MANY_REQUESTS.
 * `message.tenantId` must be the transaction's tenant (the delivery row is written there).
 *
 * The provider is called inside the caller's transaction: a transaction that rolls back
 * afterwards loses the delivery row, not the SMS. Callers send last, after their own writes.
 */
export async function sendMessage(tx: Tx, deps: { messages?: MessagingDeps; now: () => Date }, message: OutboundSms): Promise<Delivery> {
  const now = deps.now();
  const picked = await pickChannel(tx, deps.messages, message.tenantId);
  if (await overPhoneLimit(tx, message, now)) {
    return recordDelivery(tx, message, { provider: picked.provider, status: 'refused_rate_limit' }, now);
  }
  const result: DeliveryResult = picked.channel
    ? await picked.channel.send(message)
    : { provider: picked.provider, status: 'failed', errorCode: picked.unavailable };
  return recordDelivery(tx, message, result, now);
}

async function overPhoneLimit(tx: Tx, message: OutboundSms, now: Date): Promise<boolean> {
  const phone = localNumber(message.phone);
  const minute = `message:phone:${phone}:minute`;
  const hour = `message:phone:${phone}:hour`;
  if ((await isThrottled(tx, message.tenantId, minute, now)) || (await isThrottled(tx, message.tenantId, hour, now))) return true;
  // The minute first: a message it refuses does not use up one of the hour's five.
  if (await countHit(tx, message.tenantId, minute, PHONE_PER_MINUTE, now)) return true;
  return countHit(tx, message.tenantId, hour, PHONE_PER_HOUR, now);
}

type PickedChannel =
  | { provider: DeliveryResult['provider']; channel: MessageChannel; unavailable?: undefined }
  | { provider: DeliveryResult['provider']; channel: null; unavailable: string };

async function pickChannel(tx: Tx, messaging: MessagingDeps | undefined, tenantId: string): Promise<PickedChannel> {
  if (!messaging) return { provider: 'development', channel: null, unavailable: 'NoChannel' };
  const settings = await readSendingSettings(tx, tenantId);
  if (!settings) return { provider: 'development', channel: messaging.development };
  if (!messaging.tencent) return { provider: 'tencent', channel: null, unavailable: 'ProviderUnavailable' };
  let secretKey: string;
  try {
    secretKey = await decryptSecret(settings.secretKeyEncrypted, messaging.masterKey);
  } catch {
    // Another master key than the one that sealed it: the department must enter the key again.
    return { provider: 'tencent', channel: null, unavailable: 'SecretKeyUnreadable' };
  }
  return {
    provider: 'tencent',
    channel: messaging.tencent({
      secretId: settings.secretId,
      secretKey,
      sdkAppId: settings.sdkAppId,
      signName: settings.signName,
      region: settings.region,
      templates: settings.templates,
    }),
  };
}

/** The county's provider settings, secret key still sealed (any transaction of the county reads them; only the department writes). */
async function readSendingSettings(tx: Tx, tenantId: string) {
  const [settings] = await tx.select().from(smsSettings).where(eq(smsSettings.tenantId, tenantId));
  return settings ?? null;
}

async function recordDelivery(
  tx: Tx,
  message: OutboundSms,
  result: { provider: DeliveryResult['provider']; status: DeliveryStatus; providerMessageId?: string; errorCode?: string },
  at: Date,
): Promise<Delivery> {
  // The id is made here: a secretary's transaction may record a delivery but not read the
  // deliveries back (their phones are the department's to see), so no RETURNING.
  const row = { id: crypto.randomUUID() };
  await tx
    .insert(messageDeliveries)
    .values({
      id: row.id,
      tenantId: message.tenantId,
      kind: message.kind,
      phone: message.phone,
      provider: result.provider,
      status: result.status,
      providerMessageId: result.providerMessageId ?? null,
      errorCode: result.errorCode ?? null,
      at,
    });
  return {
    id: row.id,
    provider: result.provider,
    status: result.status,
    providerMessageId: result.providerMessageId ?? null,
    errorCode: result.errorCode ?? null,
  };
}
