import type { MessageKey } from '@tongxin/i18n';
import type { Session } from './session.ts';

/**
 * The views the shell composes; each is the remote of the same name, for the roles listed.
 * The roster and tree pages (the `secretary` remote) serve the department too: it manages
 * the whole county's tree and ledger, where a secretary manages a subtree.
 */
export const views = [
  { name: 'member', path: '/member', label: 'nav.member', roles: ['member'] },
  { name: 'secretary', path: '/secretary', label: 'nav.secretary', roles: ['secretary', 'department'] },
  { name: 'department', path: '/department', label: 'nav.department', roles: ['department'] },
  { name: 'operator', path: '/operator', label: 'nav.operator', roles: ['operator'] },
] as const satisfies readonly { name: string; path: string; label: MessageKey; roles: readonly string[] }[];

export type View = (typeof views)[number];

/**
 * A city's tenant (its division code ends in 00, not 0000): its department reads only the
 * counties' figures they granted it (issue 15), in the department view; every county view
 * (the roster, the tree) would only be refused by the services.
 */
const isCityTenant = (tenantId: string) => /^\d{4}00$/.test(tenantId) && !tenantId.endsWith('0000');

export function allowedViews(session: Session): View[] {
  const allowed = views.filter((view) => session.roles.some((grant) => (view.roles as readonly string[]).includes(grant.role)));
  return isCityTenant(session.tenantId) ? allowed.filter((view) => view.name === 'department') : allowed;
}

/** Where "/" leads: the department's overview, the operator's tenants, else the first view allowed. */
export function homeView(session: Session): View | undefined {
  const allowed = allowedViews(session);
  return allowed.find((view) => view.name === 'department') ?? allowed.find((view) => view.name === 'operator') ?? allowed[0];
}
