import { currentTenant, tenantPolicy, tenantWide } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { index, jsonb, pgPolicy, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { identity } from './scope.ts';

/** A county's SMS provider (Tencent Cloud SMS). The secret key is encrypted at rest and never returned. */
export const smsSettings = identity
  .table(
    'sms_settings',
    {
      tenantId: text('tenant_id').primaryKey(),
      provider: text('provider').notNull().default('tencent'),
      sdkAppId: text('sdk_app_id').notNull(),
      signName: text('sign_name').notNull(),
      region: text('region').notNull().default('ap-guangzhou'),
      templates: jsonb('templates').$type<{ activation: string; reset: string; invitation: string }>().notNull(),
      secretId: text('secret_id').notNull(),
      secretKeyEncrypted: text('secret_key_encrypted').notNull(),
      updatedByUserId: uuid('updated_by_user_id'),
      updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
    },
    () => [
      // Any transaction of the county may read the row to send a code (a secretary issues
      // their branch's); the key is sealed and the router never returns it. Only the
      // department writes it.
      pgPolicy('tenant_reads', { as: 'permissive', for: 'select', using: sql`tenant_id = ${currentTenant}` }),
      pgPolicy('department_writes', { as: 'permissive', for: 'insert', withCheck: sql`tenant_id = ${currentTenant} and ${tenantWide}` }),
      pgPolicy('department_updates', { as: 'permissive', for: 'update', using: sql`tenant_id = ${currentTenant} and ${tenantWide}`, withCheck: sql`tenant_id = ${currentTenant} and ${tenantWide}` }),
      pgPolicy('department_deletes', { as: 'permissive', for: 'delete', using: sql`tenant_id = ${currentTenant} and ${tenantWide}` }),
    ],
  )
  .enableRLS();

/** Each message handed to a channel, with the provider's answer (or the rate limit's refusal). */
export const messageDeliveries = identity
  .table(
    'message_deliveries',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      kind: text('kind').notNull(),
      phone: text('phone').notNull(),
      provider: text('provider').notNull(),
      /** sent, failed, refused_rate_limit */
      status: text('status').notNull(),
      providerMessageId: text('provider_message_id'),
      errorCode: text('error_code'),
      at: timestamp('at', { withTimezone: true }).defaultNow().notNull(),
    },
    // Any of the county's transactions records what it sent; only the department reads the phones.
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      index('message_deliveries_at').on(t.tenantId, t.at),
      tenantPolicy('restrictive'),
      pgPolicy('department_reads', { as: 'permissive', for: 'select', using: tenantWide }),
      pgPolicy('any_records', { as: 'permissive', for: 'insert', withCheck: sql`true` }),
    ],
  )
  .enableRLS();
