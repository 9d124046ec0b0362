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

/**
 * True for a city's tenant. A tenant's id is its division code (identity's `division-code.ts`
 * refuses any other): a city's ends in 00, a county's does not, and `platform` is neither. So
 * every service tells a city's caller from a county's by the token's tenant alone.
 */
export function isCityTenant(tenantId: string): boolean {
  return /^\d{4}00$/.test(tenantId) && !tenantId.endsWith('0000');
}
