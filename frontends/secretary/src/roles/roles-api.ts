import { identity } from '@tongxin/api-client';
import { compareOrgs } from '@tongxin/ledger';
import { t, type RolesMessageKey } from './messages.ts';
import type { KnownErrors } from '../shared/explain-identity-error.ts';

// Output types of identity's roles and staff procedures, inferred from the service's AppRouter.
export type OrgRoles = Awaited<ReturnType<typeof identity.roles.list.query>>[number];
export type Holder = OrgRoles['holders'][number];
export type StaffInvitation = Awaited<ReturnType<typeof identity.staff.list.query>>[number];

export const TITLES = ['secretary', 'deputy'] as const;
export type Title = (typeof TITLES)[number];

export interface RolesNode {
  org: OrgRoles;
  children: RolesNode[];
}

/** An org that should have a secretary and has none (identity says which kinds): flagged and counted. */
export const lacksSecretary = (org: OrgRoles): boolean => org.withoutSecretary;

/** `compareOrgs` for identity's rows, which name an org `orgName`. */
export const compareOrgRoles = (a: { kind: string; orgName: string }, b: { kind: string; orgName: string }) =>
  compareOrgs({ kind: a.kind, name: a.orgName }, { kind: b.kind, name: b.orgName });

/**
 * Nests the flat list by materialized path ('/a/b/c/': the parent is the segment before
 * the last); an org whose parent is not in the list (a secretary's subtree root) is a root.
 * Siblings in `compareOrgs` order, which also puts parents before their children.
 */
export function buildRolesTree(orgs: readonly OrgRoles[]): RolesNode[] {
  const sorted = [...orgs].sort(compareOrgRoles);
  const byId = new Map<string, RolesNode>();
  const roots: RolesNode[] = [];
  for (const org of sorted) {
    const segments = org.path.split('/').filter(Boolean);
    const parent = byId.get(segments[segments.length - 2] ?? '');
    const node: RolesNode = { org, children: [] };
    byId.set(org.orgId, node);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

export const titleLabel = (title: string) => t(`title.${title}` as RolesMessageKey) ?? title;
export const kindLabel = (kind: string) => t(`kind.${kind}` as RolesMessageKey) ?? kind;

/** Identity's refusals here, in the user's language. */
export const ROLE_ERRORS: KnownErrors = {
  outside_scope: () => t('error.scope'),
  already_appointed: () => t('error.conflict'),
  phone_taken: () => t('error.phoneTaken'),
  invitation_not_found: () => t('error.gone'),
  appointment_not_found: () => t('error.gone'),
};
