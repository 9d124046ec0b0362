import { inOrgScope } from '@tongxin/db';

/** 书记 and 副书记: the same scope, appointed differently. */
export const TITLES = ['secretary', 'deputy'] as const;
export type Title = (typeof TITLES)[number];

/**
 * Who may fill or empty a seat (issue 12: "nobody can give a role above their own scope").
 * The department: any seat of its county. A secretary: any seat below an org they hold, and
 * the deputies of an org they hold themselves, but not that org's secretary: a secretary is
 * appointed (and removed) from above, so a deputy cannot remove their secretary, nor a
 * secretary appoint a rival or remove themselves. `orgIds` null is the department; the org
 * must already be known to lie in the caller's scope (`requireManagedOrg`).
 */
export function mayAppoint(orgIds: readonly string[] | null, org: { orgId: string; path: string }, title: Title): boolean {
  if (orgIds === null) return true;
  if (inOrgScope(org.path, orgIds.filter((id) => id !== org.orgId))) return true;
  return title === 'deputy' && orgIds.includes(org.orgId);
}
