import type { Tx } from '@tongxin/db';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { members, orgs } from '../schema.ts';
import type { ContactSource } from '../schema/members.ts';
import { recordColumns, toMemberRecord, type MemberRecord } from './member-record.ts';

export interface MemberDetail extends MemberRecord {
  branchId: string;
  branch: string;
  township: string | null;
  lostContactSince: string | null;
  lostContactReason: number | null;
  /** The last contact with the organization and what it was (mobility/last-contact.ts); null when none is recorded. */
  lastContactAt: Date | null;
  lastContactSource: ContactSource | null;
  /** When the member was entered: the 6-month rule counts from it when no contact is recorded. */
  enteredAt: Date;
  /** Linked to an identity account (the member can log in); the account id stays internal. */
  hasAccount: boolean;
}

const branch = alias(orgs, 'branch');
const township = alias(orgs, 'township');

/** One member as a secretary or the department sees them; null when RLS hides the row. */
export async function getMember(tx: Tx, memberId: string, now: Date): Promise<MemberDetail | null> {
  const [row] = await tx
    .select({
      ...recordColumns,
      branchId: members.branchId,
      branch: branch.name,
      township: sql<string | null>`coalesce(${township.place}, ${township.name})`,
      lostContactSince: members.lostContactSince,
      lostContactReason: members.lostContactReason,
      lastContactAt: members.lastContactAt,
      lastContactSource: members.lastContactSource,
      enteredAt: members.createdAt,
      hasAccount: isNotNull(members.userId).mapWith(Boolean),
    })
    .from(members)
    .innerJoin(branch, and(eq(branch.tenantId, members.tenantId), eq(branch.id, members.branchId)))
    .leftJoin(
      township,
      and(eq(township.tenantId, members.tenantId), eq(township.kind, 'township'), sql`${members.orgPath} like ${township.path} || '%'`),
    )
    .where(eq(members.id, memberId))
    .limit(1);
  if (!row) return null;
  const { branchId, branch: branchName, township: townshipName, lostContactSince, lostContactReason, lastContactAt, lastContactSource, enteredAt, hasAccount, ...record } = row;
  return {
    ...toMemberRecord(record as Parameters<typeof toMemberRecord>[0], now),
    branchId, branch: branchName, township: townshipName, lostContactSince, lostContactReason, lastContactAt, lastContactSource, enteredAt, hasAccount,
  };
}
