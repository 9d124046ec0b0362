import { currentUser, pathInScope, tenantPolicy, tenantWide } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { jsonb, pgPolicy, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { reporting } from './scope.ts';

export type SuggestionStatus = 'received' | 'adopted' | 'in_progress' | 'done' | 'declined';

/** 建言献策: a member's suggestion to the home branch or township. */
export const suggestions = reporting
  .table(
    'suggestions',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      memberId: uuid('member_id').notNull(),
      userId: text('user_id').notNull(),
      /** The branch or township it is addressed to. */
      toOrgId: uuid('to_org_id').notNull(),
      toOrgPath: text('to_org_path').notNull(),
      category: text('category').$type<'industry' | 'village_affairs' | 'public_welfare' | 'other'>().notNull(),
      title: text('title').notNull(),
      body: text('body').notNull(),
      status: text('status').$type<SuggestionStatus>().notNull().default('received'),
      /** [{ status, by, at, answer }]: every step the member sees. */
      steps: jsonb('steps').$type<{ status: SuggestionStatus; by: string; at: string; answer?: string }[]>().notNull().default([]),
      idempotencyKey: text('idempotency_key'),
      createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
      updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      uniqueIndex('suggestions_idempotency').on(t.tenantId, t.idempotencyKey),
      tenantPolicy('restrictive'),
      pgPolicy('suggestion_scope', {
        as: 'permissive',
        for: 'all',
        using: sql`${tenantWide} or ${t.userId} = ${currentUser} or ${pathInScope(t.toOrgPath)}`,
      }),
    ],
  )
  .enableRLS();
