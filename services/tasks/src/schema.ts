import { outboxTable, tenantPolicy } from '@tongxin/db';
import { integer, pgSchema, primaryKey, text, timestamp, uniqueIndex, uuid, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

export const tasks = pgSchema('tasks');

/** A task a home branch publishes for members to claim (brief, 一领). */
export const publishedTasks = tasks
  .table(
    'tasks',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      /** roster's org id of the publishing branch. */
      orgId: uuid('org_id').notNull(),
      title: text('title').notNull(),
      description: text('description').notNull(),
      /** Points a verified completion earns. */
      points: integer('points').notNull(),
      publishedBy: text('published_by').notNull(),
      publishedAt: timestamp('published_at', { withTimezone: true }).defaultNow().notNull(),
      idempotencyKey: text('idempotency_key').notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      uniqueIndex('tasks_idempotency').on(t.tenantId, t.idempotencyKey),
      check('tasks_points_range', sql`${t.points} between 1 and 100`),
      tenantPolicy(),
    ],
  )
  .enableRLS();

export const outbox = outboxTable(tasks);
