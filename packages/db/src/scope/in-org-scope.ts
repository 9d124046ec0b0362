/**
 * The org-subtree scope in TypeScript: true when a materialized org path (`/a/b/c/`, every
 * ancestor's id, then the org's own, each followed by '/') passes through one of `orgIds`,
 * i.e. the org lies in the subtree of an org the caller holds. `orgIds` null is tenant-wide
 * (the department); a null path (no org) is in no one's subtree. The same test as the
 * policies' `pathInScope` (./path-in-scope.ts), so code and RLS never disagree.
 */
export function inOrgScope(path: string | null | undefined, orgIds: readonly string[] | null): boolean {
  if (orgIds === null) return true;
  if (!path) return false;
  const onPath = path.split('/');
  return orgIds.some((id) => id !== '' && onPath.includes(id));
}
