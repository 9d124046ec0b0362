import type { Tx } from '@tongxin/db';
import { and, asc, eq, ilike, inArray, isNull, type SQL } from 'drizzle-orm';
import { orgDirectory } from '../schema.ts';
import type { DirectoryKind, OrgKind } from './org-kinds.ts';

export interface DirectoryEntry {
  tenantId: string;
  orgId: string;
  kind: OrgKind;
  name: string;
  province: string | null;
  city: string | null;
  /** The org's path in its county: a check-in names its destination by it. */
  path: string | null;
}

export const DIRECTORY_PAGE = 50;

/** `%` and `_` typed by a user are letters, not wildcards. */
const contains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Open orgs of every county that others may address, by city and name. The directory holds
 * names and places only, so any logged-in user may search it (its policy reads all tenants).
 */
export async function searchDirectory(
  tx: Tx,
  filter: { city?: string | undefined; name?: string | undefined; kinds?: readonly DirectoryKind[] | undefined; orgId?: string | undefined },
): Promise<DirectoryEntry[]> {
  const where: SQL[] = [isNull(orgDirectory.closedAt)];
  if (filter.orgId) where.push(eq(orgDirectory.orgId, filter.orgId));
  if (filter.city) where.push(ilike(orgDirectory.city, contains(filter.city)));
  if (filter.name) where.push(ilike(orgDirectory.name, contains(filter.name)));
  if (filter.kinds?.length) where.push(inArray(orgDirectory.kind, [...filter.kinds]));
  return tx
    .select({
      tenantId: orgDirectory.tenantId, orgId: orgDirectory.orgId, kind: orgDirectory.kind,
      name: orgDirectory.name, province: orgDirectory.province, city: orgDirectory.city, path: orgDirectory.path,
    })
    .from(orgDirectory)
    .where(and(...where))
    .orderBy(asc(orgDirectory.city), asc(orgDirectory.name), asc(orgDirectory.orgId))
    .limit(DIRECTORY_PAGE);
}
