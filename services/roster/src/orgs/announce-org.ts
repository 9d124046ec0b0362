import { recordEvent, type Tx } from '@tongxin/db';
import { TOPICS, type OrgSaved } from '@tongxin/events';
import { outbox } from '../schema.ts';
import type { DirectoryOrg } from './sync-directory.ts';

export const ORG_SAVED = TOPICS.roster.orgSaved;

export async function announceOrg(tx: Tx, tenantId: string, org: DirectoryOrg): Promise<void> {
  const saved: OrgSaved = { orgId: org.id, kind: org.kind, name: org.name, path: org.path, city: org.city, closedAt: org.closedAt?.toISOString() ?? null };
  await recordEvent(tx, outbox, tenantId, ORG_SAVED, saved);
}
