import { currentTenant, currentUser } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { check, integer, pgPolicy, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { staffScope, tasks } from './scope.ts';

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];
/** After the phone has resized it (issue 7); larger uploads are refused with 413. */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

/**
 * An evidence photo a member uploaded (the bytes are in the blob store under `blob_key`).
 * In the uploader's county; once a completion names it, it is attached to that claim
 * (claim_tenant_id, claim_id), and the claim's reviewers may read it too. No foreign key
 * to the claim: it may be in another county, and keys between tenant tables start with
 * tenant_id.
 */
export const evidencePhotos = tasks
  .table(
    'evidence_photos',
    {
      tenantId: text('tenant_id').notNull(),
      id: uuid('id').defaultRandom().notNull(),
      userId: text('user_id').notNull(),
      claimTenantId: text('claim_tenant_id'),
      claimId: uuid('claim_id'),
      contentType: text('content_type').$type<PhotoType>().notNull(),
      size: integer('size').notNull(),
      blobKey: text('blob_key').notNull(),
      /** The phone's key for this upload (issue 18): a retried upload, e.g. from the offline queue, answers the photo it stored. */
      uploadKey: text('upload_key'),
      createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      uniqueIndex('evidence_photos_upload_key').on(t.tenantId, t.userId, t.uploadKey),
      check('evidence_photos_size', sql`${t.size} > 0 and ${t.size} <= ${sql.raw(String(MAX_PHOTO_BYTES))}`),
      check('evidence_photos_type', sql`${t.contentType} in ('image/jpeg', 'image/png', 'image/webp')`),
      pgPolicy('photo_tenants', {
        as: 'restrictive',
        for: 'all',
        using: sql`tenant_id = ${currentTenant} or claim_tenant_id = ${currentTenant}`,
        withCheck: sql`tenant_id = ${currentTenant}`,
      }),
      pgPolicy('photo_uploader', {
        as: 'permissive',
        for: 'all',
        using: sql`tenant_id = ${currentTenant} and ${t.userId} = ${currentUser}`,
        withCheck: sql`tenant_id = ${currentTenant} and ${t.userId} = ${currentUser}`,
      }),
      // The staff who may review the claim it is attached to: the publisher's, in the task's county.
      pgPolicy('photo_reviewer', {
        as: 'permissive',
        for: 'select',
        using: sql`claim_tenant_id = ${currentTenant} and exists (select 1 from tasks.claims c
          where c.tenant_id = ${t.claimTenantId} and c.id = ${t.claimId} and ${staffScope(sql`c.task_org_path`)})`,
      }),
    ],
  )
  .enableRLS();
