import { tenantPolicy } from '@tongxin/db';
import { primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { roster } from './scope.ts';

/**
 * A county's state as roster needs it: whether it is live (issue 12). Set from identity's
 * `identity.tenant_created` (not live) and `identity.tenant_live`. Until it is live, its flow
 * organizations stay out of the cross-county directory, so no member of another county
 * checks in with a county that is still setting itself up. Counties that predate this table
 * were live (the migration says so); a county without a row is not.
 */
export const countyState = roster
  .table(
    'county_state',
    {
      tenantId: text('tenant_id').notNull(),
      liveAt: timestamp('live_at', { withTimezone: true }),
      createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
    },
    (t) => [primaryKey({ columns: [t.tenantId] }), tenantPolicy()],
  )
  .enableRLS();
