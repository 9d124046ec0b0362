import { createResource } from 'solid-js';
import { identity } from '@tongxin/api-client';
import { FLOW_KINDS, loadOrgs } from '../../shared/org-options.ts';

/**
 * The flow organizations in the caller's scope (the destinations members check in with) and
 * the county they are in, read once for the page's QR code and invitation cards. Orgs carry
 * no tenant: the session says which county this is.
 */
export function createDestinations() {
  const [orgs, orgs$] = createResource(loadOrgs);
  const [me] = createResource(() => identity.auth.me.query());
  return {
    orgs,
    retry: () => void orgs$.refetch(),
    flowOrgs: () => (orgs.error ? [] : (orgs() ?? []).filter((org) => FLOW_KINDS.includes(org.kind))),
    tenantId: () => (me.error ? undefined : me()?.tenantId),
  };
}

export type Destinations = ReturnType<typeof createDestinations>;
