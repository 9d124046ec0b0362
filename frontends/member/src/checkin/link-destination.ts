import { roster } from '@tongxin/api-client';
import type { DirectoryEntry } from './types.ts';

/**
 * A check-in link (`?page=checkin&tenant=…&org=…&city=…&name=…`, the QR code a destination
 * shows) names its org by id; the directory is searched by city and name only, so the link
 * also carries them and the entry with the link's tenant and org id is picked from that
 * search. Null when it is not (or no longer) in the directory.
 */
export async function findLinkedOrg(link: { tenant: string; org: string; city?: string | null; name?: string | null }): Promise<DirectoryEntry | null> {
  const entries = await roster.orgs.directory.query({ city: link.city || undefined, name: link.name || undefined });
  return entries.find((entry) => entry.tenantId === link.tenant && entry.orgId === link.org) ?? null;
}
