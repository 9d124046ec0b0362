import type { Tx } from '@tongxin/db';
import type { OrgImportError, OrgImportRow } from '@tongxin/ledger/xlsx/org-fields';
import { sql } from 'drizzle-orm';
import { createOrg } from '../orgs/create-org.ts';
import { lockTree, type Actor } from '../orgs/org-change-log.ts';
import { updateOrg } from '../orgs/update-org.ts';
import { planOrgImport, type ExistingOrg } from './plan-org-import.ts';

export interface OrgImportResult {
  created: number;
  updated: number;
  unchanged: number;
  errors: OrgImportError[];
}

/**
 * One chunk of an org-tree import (issue 12), in the department's transaction: the rows
 * without an error land, through the same `createOrg` and `updateOrg` as the tree page (each
 * org its history row, its `roster.org_saved` event and, for a flow organization of a live
 * county, its directory entry); each bad cell comes back as a row error. The tree lock is
 * held from the first read, so two imports of the same file cannot both create an org.
 * `dryRun` checks and counts without writing.
 */
export async function importOrgs(
  tx: Tx, tenantId: string, rows: readonly OrgImportRow[], actor: Actor, options: { dryRun?: boolean } = {},
): Promise<OrgImportResult> {
  await lockTree(tx, tenantId);
  const existing = await tx.execute(sql`
    select id, parent_id as "parentId", kind, name, place, province, city, address, closed_at is not null as closed
    from roster.orgs where tenant_id = ${tenantId}`);
  const plan = planOrgImport(existing.rows as unknown as ExistingOrg[], rows);
  const result: OrgImportResult = { created: 0, updated: 0, unchanged: 0, errors: plan.errors };
  const createdIds = new Map<number, string>();
  for (const step of plan.steps) {
    if (step.type === 'unchanged') {
      result.unchanged++;
      continue;
    }
    if (step.type === 'update') {
      if (!options.dryRun) {
        await updateOrg(tx, tenantId, null, step.orgId, { action: 'updated', patch: step.patch, idempotencyKey: `org-import:${crypto.randomUUID()}` }, actor);
      }
      result.updated++;
      continue;
    }
    if (!options.dryRun) {
      const parentId = 'orgId' in step.parent ? step.parent.orgId : createdIds.get(step.parent.rowNumber)!;
      const { id } = await createOrg(tx, tenantId, null, { parentId, kind: step.kind, name: step.name, ...step.place, idempotencyKey: `org-import:${crypto.randomUUID()}` }, actor);
      createdIds.set(step.rowNumber, id);
    }
    result.created++;
  }
  return result;
}
