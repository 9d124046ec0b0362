import { recordEvent, type Tx } from '@tongxin/db';
import { outbox } from '../schema.ts';
import type { DirectoryOrg } from './sync-directory.ts';

export const ORG_SAVED = 'roster.org_saved';

/**
 * `roster.org_saved`: an org as other services copy it (tasks names the publisher, scoring
 * ranks branches and townships). Sent on create, rename or update and close; a move sends
 * `roster.org_moved`, which re-paths the whole subtree.
 */
export interface OrgSaved {
  orgId: string;
  kind: string;
  name: string;
  path: string;
  city: string | null;
  closedAt: string | null;
}

export async function announceOrg(tx: Tx, tenantId: string, org: DirectoryOrg): Promise<void> {
  const saved: OrgSaved = { orgId: org.id, kind: org.kind, name: org.name, path: org.path, city: org.city, closedAt: org.closedAt?.toISOString() ?? null };
  await recordEvent(tx, outbox, tenantId, ORG_SAVED, saved);
}
