// What tasks' tables and policies share: the schema, the vocabularies and the scope tests.
import { pathInScope, tenantWide } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { pgSchema } from 'drizzle-orm/pg-core';

export const tasks = pgSchema('tasks');

export const TASK_KINDS = ['sell_products', 'find_jobs', 'donation', 'promotion', 'study', 'volunteer', 'other'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const TARGET_UNITS = ['boxes', 'orders', 'jobs', 'yuan', 'people', 'items', 'hours'] as const;
export type TargetUnit = (typeof TARGET_UNITS)[number];

/**
 * Who a published task reaches: `org` the members under the publisher org, `tenant_mobile`
 * every mobile or lost-contact member of the county (the department's), `flow_org` the
 * members under a flow organization plus those checked in there, also from another county.
 */
export const VISIBILITIES = ['org', 'tenant_mobile', 'flow_org'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const TASK_STATUSES = ['draft', 'published', 'closed'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const CLAIM_STATUSES = ['active', 'submitted', 'approved', 'rejected', 'withdrawn'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/**
 * What a completion must carry. Brief, burden rules: "a task asks for a photo only when the
 * publisher says why", so `photoReason` is set exactly when a photo is asked for.
 */
export interface Evidence {
  photo: 'none' | 'optional' | 'required';
  photoReason: string | null;
  text: boolean;
  number: boolean;
}

/** A study task's material (brief, 一领: study; the member confirms they studied it). */
export interface StudyMaterial {
  format: 'text' | 'pdf' | 'link';
  body: string | null;
  url: string | null;
}

/** `'a', 'b'` for a check constraint over a vocabulary. */
export const sqlList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** Staff of the publisher org's subtree, or the department: `path` is a publisher's org path. */
export const staffScope = (path: unknown) => sql`(${tenantWide} or ${pathInScope(path)})`;
