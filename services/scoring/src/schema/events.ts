import { processedEventsTable, tenantPolicy } from '@tongxin/db';
import { primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { scoring } from './scope.ts';

/** Events the copies consumer applied (roster's member and org events, check-ins). */
export const processedEvents = processedEventsTable(scoring);

/**
 * Events the points consumer applied, claimed in the MEMBER's county in the same transaction
 * as the entry. Separate from processed_events because one event (checkin_accepted) feeds
 * both consumers in the same county, and each must apply it once.
 */
export const scoredEvents = scoring
  .table(
    'scored_events',
    {
      tenantId: text('tenant_id').notNull(),
      eventId: uuid('event_id').notNull(),
      topic: text('topic').notNull(),
      appliedAt: timestamp('applied_at', { withTimezone: true }).defaultNow().notNull(),
    },
    (t) => [primaryKey({ columns: [t.tenantId, t.eventId] }), tenantPolicy()],
  )
  .enableRLS();
