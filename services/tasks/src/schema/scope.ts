// What tasks' tables and policies share: the schema, the vocabularies and the scope tests.
import { pathInScope, tenantWide } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { pgSchema } from 'drizzle-orm/pg-core';

export const tasks = pgSchema('tasks');

export { TARGET_UNITS, TASK_KINDS, VISIBILITIES, type TargetUnit, type TaskKind, type Visibility } from '@tongxin/ledger';

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
