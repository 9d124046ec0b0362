import { roster } from '@tongxin/api-client';
import type { DirectoryEntry } from './types.ts';

/**
 * A check-in link (`?page=checkin&tenant=…&org=…&city=…&name=…`, the QR code a destination
 * shows) names its org by id, and the directory is asked for that id: a printed code keeps
 * working after the org is renamed or its city corrected (the city and name in the link are
 * only for reading). Null when it is not (or no longer) in the directory.
 */
export async function findLinkedOrg(link: { tenant: string; org: string }): Promise<DirectoryEntry | null> {
  const entries = await roster.orgs.directory.query({ orgId: link.org });
  return entries.find((entry) => entry.tenantId === link.tenant && entry.orgId === link.org) ?? null;
}
