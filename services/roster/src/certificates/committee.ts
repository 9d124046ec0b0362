import { badField } from '@tongxin/errors';
import type { OrgRow } from '../orgs/find-org.ts';

/**
 * Who issues activity certificates and letters: the basic-level party committee (brief:
 * "issued and registered by the basic-level party committee"), a township's or street's, or
 * the county's department (or committee) for members directly under it. A branch does not.
 */
export const COMMITTEE_KINDS: readonly string[] = ['township', 'street', 'department', 'county'];

/** The org named as the issuer, if it may issue: an open committee. */
export function requireCommittee(org: OrgRow): OrgRow {
  if (!COMMITTEE_KINDS.includes(org.kind)) throw badField('orgId', 'not_a_committee');
  if (org.closedAt) throw badField('orgId', 'org_closed');
  return org;
}

/** A committee issues only for the members under it. */
export function requireUnder(org: OrgRow, member: { orgPath: string }): void {
  if (!member.orgPath.startsWith(org.path)) throw badField('memberId', 'member_outside_org');
}
