import type { Tx } from '@tongxin/db';
import { and, desc, eq } from 'drizzle-orm';
import { orgChanges } from '../schema.ts';
import type { OrgAction } from './org-change-log.ts';

export interface OrgHistoryEntry {
  action: OrgAction;
  before: unknown;
  after: unknown;
  actorUserId: string | null;
  at: string;
}

/** An org's changes, newest first. */
export async function listOrgHistory(tx: Tx, tenantId: string, orgId: string): Promise<OrgHistoryEntry[]> {
  const rows = await tx
    .select({ action: orgChanges.action, before: orgChanges.before, after: orgChanges.after, actorUserId: orgChanges.actorUserId, at: orgChanges.at })
    .from(orgChanges)
    .where(and(eq(orgChanges.tenantId, tenantId), eq(orgChanges.orgId, orgId)))
    .orderBy(desc(orgChanges.at));
  return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
}
