/** What a user may act as; org ids are roster's, identity only keeps the reference. */
export type RoleGrant =
  | { role: 'member'; orgId: string }
  | { role: 'secretary'; orgId: string }
  | { role: 'department' }
  | { role: 'city'; cityId: string }
  /** The platform operator: tenants and invitations, never member data (brief, "Who uses it"). */
  | { role: 'operator' };

export type RoleName = RoleGrant['role'];

export function hasRole(roles: readonly RoleGrant[], role: RoleName): boolean {
  return roles.some((r) => r.role === role);
}

export function secretaryOrgIds(roles: readonly RoleGrant[]): string[] {
  return roles.flatMap((r) => (r.role === 'secretary' ? [r.orgId] : []));
}
