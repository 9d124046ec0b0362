import { createResource } from 'solid-js';
import { identity } from '@tongxin/api-client';
import { loadOrgs } from './org-options.ts';

/** County names by tenant id (the public list the login page shows), for "from which county". */
export function createTenantNames() {
  const [tenants] = createResource(() => identity.auth.tenants.query());
  return (tenantId: string) => (tenants.error ? undefined : tenants()?.find((tenant) => tenant.id === tenantId)?.name) ?? tenantId;
}

/** Org names by id within the caller's scope: reporting rows carry ids, roster holds the names. */
export function createOrgNames() {
  const [orgs] = createResource(loadOrgs);
  return (orgId: string) => (orgs.error ? undefined : orgs()?.find((org) => org.id === orgId)?.name) ?? '';
}
