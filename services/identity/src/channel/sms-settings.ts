import type { Tx } from '@tongxin/db';
import { encryptSecret, type MessageKind } from '@tongxin/sms';
import { eq } from 'drizzle-orm';
import { audit } from '../auth/audit.ts';
import { smsSettings } from '../schema.ts';

/** A county's SMS provider as its department sees it: never the secret key, only whether one is kept. */
export type SmsSettingsView = {
  provider: 'tencent';
  sdkAppId: string;
  signName: string;
  region: string;
  templates: Record<MessageKind, string>;
  /** Tencent's SecretId names the API key, like a user name; the SecretKey is what signs. */
  secretId: string;
  hasSecretKey: boolean;
  updatedAt: Date;
};

export type SmsSettingsInput = {
  sdkAppId: string;
  signName: string;
  region: string;
  templates: Record<MessageKind, string>;
  secretId: string;
  /** Absent: keep the key already stored. */
  secretKey?: string | undefined;
};

/** Null while the county has no provider of its own (messages go to the development channel). */
export async function readSmsSettings(tx: Tx, tenantId: string): Promise<SmsSettingsView | null> {
  const [row] = await tx.select().from(smsSettings).where(eq(smsSettings.tenantId, tenantId));
  if (!row) return null;
  return {
    provider: 'tencent',
    sdkAppId: row.sdkAppId,
    signName: row.signName,
    region: row.region,
    templates: row.templates,
    secretId: row.secretId,
    hasSecretKey: row.secretKeyEncrypted !== '',
    updatedAt: row.updatedAt,
  };
}

export type SaveSmsSettingsResult = { saved: SmsSettingsView } | { missingSecretKey: true };

/**
 * Stores the county's provider settings, the secret key sealed with the host's master key
 * (issue 12: keys encrypted at rest, never returned). Saving without a new key keeps the old one;
 * a first save must bring one. Audited, without the key.
 */
export async function saveSmsSettings(
  tx: Tx,
  who: { tenantId: string; userId: string },
  input: SmsSettingsInput,
  masterKey: string,
  now: Date,
): Promise<SaveSmsSettingsResult> {
  const [existing] = await tx.select({ secretKeyEncrypted: smsSettings.secretKeyEncrypted }).from(smsSettings).where(eq(smsSettings.tenantId, who.tenantId));
  const secretKeyEncrypted = input.secretKey ? await encryptSecret(input.secretKey, masterKey) : existing?.secretKeyEncrypted;
  if (!secretKeyEncrypted) return { missingSecretKey: true };
  const values = {
    provider: 'tencent',
    sdkAppId: input.sdkAppId,
    signName: input.signName,
    region: input.region,
    templates: input.templates,
    secretId: input.secretId,
    secretKeyEncrypted,
    updatedByUserId: who.userId,
    updatedAt: now,
  };
  await tx
    .insert(smsSettings)
    .values({ tenantId: who.tenantId, ...values })
    .onConflictDoUpdate({ target: smsSettings.tenantId, set: values });
  await audit(tx, who.tenantId, 'sms_settings_changed', now, {
    actorUserId: who.userId,
    detail: { provider: 'tencent', sdkAppId: input.sdkAppId, secretKeyChanged: Boolean(input.secretKey) },
  });
  return { saved: (await readSmsSettings(tx, who.tenantId))! };
}
