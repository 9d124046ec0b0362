import { pathInScope, selectRows, type Tx } from '@tongxin/db';
import { DomainError, badField } from '@tongxin/errors';
import type { DuesPlace } from '@tongxin/ledger';
import { scopeOf, type Caller } from '@tongxin/trpc';
import { sql } from 'drizzle-orm';
import { findSubjectToDecide, type MemberRow } from '../mobility/find-subject.ts';
import { refuseDecidingAboutMember } from '../members/refuse-deciding-about-member.ts';
import { members } from '../schema.ts';
import { and, eq } from 'drizzle-orm';

/** Whose dues a payment is, where it was received, and by which organization. */
export interface DuesSubject {
  member: MemberRow;
  place: DuesPlace;
  receiverOrg: { id: string; name: string };
}

/** The member is checked in with the caller's county from another one: `roster.record_dues_as_destination` records it. */
export interface CheckedInFromElsewhere {
  checkedInFrom: string;
}

export const memberNotFound = () => new DomainError('member_not_found', { message: 'No such member in your scope' });

/**
 * Who may record a member's dues (issue 17): the home side (the member in the caller's scope:
 * their branch, the township, the department), or a destination organization of this county
 * the member is checked in with (a live ledger grant to an org in the caller's scope: the
 * same test as `grants.members`), which received the dues "at the destination with the
 * certificate". Neither decides about themself. A member checked in from another county is
 * answered as such: that county's rows are written only by `record_dues_as_destination`, which
 * checks the grant, the scope and the member again itself. Anyone else finds no such member
 * (NOT_FOUND).
 */
export async function findDuesSubject(tx: Tx, caller: Caller, memberId: string): Promise<DuesSubject | CheckedInFromElsewhere> {
  const home = await tx.select({ id: members.id }).from(members).where(and(eq(members.tenantId, caller.tenantId), eq(members.id, memberId)));
  if (home.length > 0) {
    const { member } = await findSubjectToDecide(tx, caller, memberId);
    return { member, place: 'home', receiverOrg: await homeReceiver(tx, caller, member) };
  }
  const [grant] = await selectRows<{ tenantId: string; orgId: string; orgPath: string; orgName: string | null }>(tx, sql`
    select g.tenant_id as "tenantId", g.grantee_org_id as "orgId", g.grantee_org_path as "orgPath", o.name as "orgName"
    from roster.ledger_grants g
    left join roster.orgs o on o.tenant_id = g.grantee_tenant_id and o.id = g.grantee_org_id
    where g.member_id = ${memberId}::uuid and g.grantee_tenant_id = ${caller.tenantId} and g.revoked_at is null
      and ${pathInScope(sql`g.grantee_org_path`, scopeOf(caller))}
    order by g.granted_at desc limit 1`);
  if (!grant) throw memberNotFound();
  if (grant.tenantId !== caller.tenantId) return { checkedInFrom: grant.tenantId };
  // The entitlement is the grant the caller's own scope shows: widen this transaction to the
  // member's branch (as a confirmed placement or an accepted transfer does, widen-org-scope.ts)
  // so the payment, its certificate and the last contact are written under the member's own
  // policies. The county's root (the grant's path starts with it) finds the branch, then the
  // scope is narrowed to it.
  const root = grant.orgPath.split('/')[1]!;
  await setOrgScope(tx, [...caller.orgIds, root]);
  const [member] = await tx.select().from(members).where(and(eq(members.tenantId, caller.tenantId), eq(members.id, memberId)));
  if (!member) throw memberNotFound();
  await setOrgScope(tx, [...caller.orgIds, member.branchId]);
  if (member.status === 'transferred_out') throw badField('memberId', 'member_transferred_out');
  await refuseDecidingAboutMember(tx, caller, member);
  return { member, place: 'destination', receiverOrg: { id: grant.orgId, name: grant.orgName ?? '' } };
}

async function setOrgScope(tx: Tx, orgIds: readonly string[]): Promise<void> {
  await tx.execute(sql`select set_config('app.org_ids', ${[...new Set(orgIds)].join(',')}, true)`);
}

/** At home the receiver is the caller's org the member is under (the department's: the county's root). */
async function homeReceiver(tx: Tx, caller: Caller, member: MemberRow): Promise<{ id: string; name: string }> {
  const path = member.orgPath.split('/').filter(Boolean);
  const id = caller.department ? path[0]! : (path.find((orgId) => caller.orgIds.includes(orgId)) ?? member.branchId);
  const [org] = await selectRows<{ name: string }>(tx, sql`select name from roster.orgs where tenant_id = ${caller.tenantId} and id = ${id}::uuid`);
  return { id, name: org?.name ?? '' };
}
