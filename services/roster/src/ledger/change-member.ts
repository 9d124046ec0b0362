import { recordEvent, type Tx } from '@tongxin/db';
import { TOPICS, type MemberUpdated } from '@tongxin/events';
import { idTailDigest, LEDGER_FIELDS, type LedgerField } from '@tongxin/ledger';
import { and, eq } from 'drizzle-orm';
import { refreshGrants } from '../grants/refresh-grants.ts';
import { keyUsedForAnotherRequest } from '../members/request-digest.ts';
import { isUniqueViolation } from '../members/unique-violation.ts';
import { members, memberVersions, outbox, type FieldChange } from '../schema.ts';
import { maskChanges } from './mask-changes.ts';
import { DomainError, badField } from '@tongxin/errors';

type MemberRow = typeof members.$inferSelect;
/** Columns a change may set; identity, tenancy and bookkeeping columns are not among them. */
export type MemberPatch = Partial<
  Omit<MemberRow, 'tenantId' | 'id' | 'userId' | 'version' | 'fieldConfirmedAt' | 'ledgerConfirmedAt' | 'idempotencyKey' | 'createdAt' | 'updatedAt'>
>;

export interface Actor {
  userId: string | null;
  role: 'member' | 'secretary' | 'department' | 'system';
}

export interface MemberChange {
  /** What happened, shown in the history: ledger_update, correction, confirmed, outflow, … */
  action: string;
  set: MemberPatch;
  actor: Actor;
  now: Date;
  /** A retry with the same key returns the first result and writes nothing. */
  idempotencyKey?: string | undefined;
  /** `requestDigest` of the request that sent the key: stored with it; a key re-sent with another is CONFLICT. */
  requestDigest?: string | undefined;
  /** Counts every ledger field as confirmed now (the member's "nothing changed"). */
  confirmLedger?: boolean;
}

export interface ChangeResult {
  version: number;
  changes: FieldChange[];
  /** True when this was a retry of a change already made. */
  replayed: boolean;
}

/**
 * The fields other services copy (reporting's members; identity's people, whose username is
 * the phone and whose activation checks the ID tail): a change to one is a
 * `roster.member_updated` event.
 */
const SHARED_FIELDS = new Set(['name', 'branchId', 'orgPath', 'status', 'destinationCity', 'phone', 'idCardNumber']);

/**
 * The one way a member record changes after it is created: compares with the row, writes
 * the new values, marks entered ledger fields as confirmed and appends a version with
 * the field-by-field diff. A change that changes nothing (an unchanged import row) writes
 * no version, unless it confirms the ledger.
 */
export async function changeMember(tx: Tx, tenantId: string, memberId: string, change: MemberChange): Promise<ChangeResult> {
  if (change.idempotencyKey && change.actor.role !== 'system' && isConsumerKey(change.idempotencyKey)) throw keyUsedForAnotherRequest();
  // Lock first, then look for the key: two concurrent retries queue on the row lock, and
  // the second then sees the version the first committed instead of writing another.
  const [row] = await tx
    .select()
    .from(members)
    .where(and(eq(members.tenantId, tenantId), eq(members.id, memberId)))
    .for('update');
  if (!row) throw new DomainError('member_not_found', { message: 'No such member in your scope' });

  if (change.idempotencyKey) {
    const [done] = await tx
      .select({ version: memberVersions.version, changes: memberVersions.changes, memberId: memberVersions.memberId, requestDigest: memberVersions.requestDigest })
      .from(memberVersions)
      .where(and(eq(memberVersions.tenantId, tenantId), eq(memberVersions.idempotencyKey, change.idempotencyKey)));
    if (done) {
      if (done.memberId !== memberId) throw keyUsedElsewhere();
      if (change.requestDigest && done.requestDigest !== change.requestDigest) throw keyUsedForAnotherRequest();
      return { version: done.version, changes: done.changes, replayed: true };
    }
  }

  const changes = maskChanges(diff(row, change.set));
  if (changes.length === 0 && !change.confirmLedger) return { version: row.version, changes, replayed: false };

  const at = change.now.toISOString();
  const confirmed = { ...row.fieldConfirmedAt };
  for (const field of LEDGER_FIELDS) {
    if (change.confirmLedger || field in change.set) confirmed[field] = at;
  }
  const version = row.version + 1;
  // A change that sets idCardNumber goes through writeUnlessIdCardTaken (members/id-card-taken.ts),
  // which logs and counts the lookup; here only the unique index speaks, without naming anyone.
  try {
    await tx
      .update(members)
      .set({ ...change.set, fieldConfirmedAt: confirmed, ledgerConfirmedAt: oldestConfirmation(confirmed, row.createdAt), version, updatedAt: change.now })
      .where(and(eq(members.tenantId, tenantId), eq(members.id, memberId)));
    await tx.insert(memberVersions).values({
      tenantId,
      memberId,
      version,
      action: change.action,
      changes,
      actorUserId: change.actor.userId,
      actorRole: change.actor.role,
      idempotencyKey: change.idempotencyKey ?? null,
      requestDigest: change.requestDigest ?? null,
      at: change.now,
    });
  } catch (error) {
    // The ID card is unique in the tenant, also against members the caller cannot see: say nothing of them.
    if (isUniqueViolation(error, 'members_id_card')) throw badField('idCardNumber', 'id_card_unavailable');
    // A key used for a member the caller cannot see (RLS hid it from the check above).
    if (isUniqueViolation(error, 'member_versions_idempotency')) throw keyUsedElsewhere();
    throw error;
  }
  await refreshGrants(tx, tenantId, memberId);
  if (changes.some((c) => SHARED_FIELDS.has(c.field))) {
    await announceMemberUpdated(tx, tenantId, memberId, change.actor.role);
  }
  return { version, changes, replayed: false };
}

/** Records `roster.member_updated` with the member as they are now in this transaction. */
export async function announceMemberUpdated(tx: Tx, tenantId: string, memberId: string, changedBy?: string): Promise<void> {
  const [now] = await tx
    .select({
      userId: members.userId, name: members.name, branchId: members.branchId, orgPath: members.orgPath, status: members.status,
      destinationCity: members.destinationCity, phone: members.phone, idCardNumber: members.idCardNumber,
    })
    .from(members)
    .where(and(eq(members.tenantId, tenantId), eq(members.id, memberId)));
  if (!now) return;
  const { idCardNumber, ...shared } = now;
  // Who changed it (member, secretary, department, system): identity keeps a phone that staff
  // set from opening the account's password reset to that phone (attack review, issue 12).
  const event: MemberUpdated = { memberId, ...shared, idTailDigest: idTailDigest(memberId, idCardNumber), ...(changedBy ? { changedBy } : {}) };
  await recordEvent(tx, outbox, tenantId, TOPICS.roster.memberUpdated, event);
}

/**
 * Keys roster's event consumers make for the versions they write: a check-in's acceptance and
 * end (`checkin:<id>:accepted|ended`, grants/apply-checkin-event.ts), a report's confirmation
 * (`report:<id>`, ledger/confirm-from-report.ts), a transfer's closing (`transferred-out-<id>`,
 * jobs.ts). A version's key is unique in the county and people send keys of their choosing,
 * so a person's change holding one first (a home secretary sees every check-in id of their
 * members) made the consumer refuse that event on every delivery (idempotency_key_reused),
 * which stopped the relay there for every county, or let the consumer skip its change (review
 * of e38c750). Only system work (actor 'system') writes with them; anyone else is CONFLICT, as
 * a key in import's space is (members/request-digest.ts).
 */
export const CONSUMER_KEY_PREFIXES = ['checkin:', 'report:', 'transferred-out-'] as const;
const isConsumerKey = (key: string) => CONSUMER_KEY_PREFIXES.some((prefix) => key.startsWith(prefix));

const keyUsedElsewhere = () => new DomainError('idempotency_key_reused', { message: 'This idempotency key was used for another member' });

function diff(row: MemberRow, set: MemberPatch): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, value] of Object.entries(set)) {
    if (value === undefined) continue;
    const from = asText(row[field as keyof MemberRow]);
    const to = asText(value);
    if (from !== to) changes.push({ field, from, to });
  }
  return changes;
}

function asText(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** A ledger field never entered counts from the member's creation. */
export function oldestConfirmation(confirmed: Record<string, string>, createdAt: Date): Date {
  let oldest = Infinity;
  for (const field of LEDGER_FIELDS as readonly LedgerField[]) {
    const at = confirmed[field] ? Date.parse(confirmed[field]) : createdAt.getTime();
    oldest = Math.min(oldest, at);
  }
  return new Date(oldest);
}
