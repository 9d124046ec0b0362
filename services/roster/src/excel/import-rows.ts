import { DomainError } from '@tongxin/errors';
import { chinaDate } from '@tongxin/calendar';
import type { Tx } from '@tongxin/db';
import type { MemberStatus } from '@tongxin/ledger';
import type { ImportError, ImportRow } from '@tongxin/ledger/xlsx/fields';
import type { Caller } from '@tongxin/trpc';
import { and, eq, inArray } from 'drizzle-orm';
import { changeMember, type Actor, type MemberPatch } from '../ledger/change-member.ts';
import { ID_CARD_UNAVAILABLE } from '../members/id-card-taken.ts';
import { recordIdCardLookups, type IdCardLookup } from '../members/id-card-lookups.ts';
import { refuseDecidingAboutMember } from '../members/refuse-deciding-about-member.ts';
import { withIdCardFacts } from '../members/personal-rules.ts';
import { IMPORT_KEY_PREFIX } from '../members/request-digest.ts';
import { members } from '../schema.ts';
import { createImportedMembers } from './create-imported-members.ts';
import { resolveBranches, type NamedBranch } from './resolve-branches.ts';
import { validateImportRow, type ValidRow } from './validate-import-row.ts';

export interface ImportChunk {
  tenantId: string;
  /** The secretary's orgs, or null for the department (the whole tenant). */
  orgIds: readonly string[] | null;
  rows: readonly ImportRow[];
  /** Used for rows with an empty branch column. */
  defaultBranch: NamedBranch | null;
  actor: Actor;
  /** Who imports: nobody imports changes to their own record (issue 13 C). */
  caller: Caller;
  /** `remainingIdCardLookups` of the caller: the rows with a held number this chunk may answer (issue 13 B). */
  idCardLookupsLeft: number;
  now: Date;
}

/**
 * More rows whose number someone holds (a member in scope, matched; or someone out of sight,
 * refused) than the caller has lookups left: the chunk is undone and no row is answered (each
 * answer would tell that the number is held). The caller logs the lookups outside the undone
 * work and answers TOO_MANY_REQUESTS.
 */
export class IdCardLookupsExhausted extends Error {
  constructor(readonly lookups: readonly IdCardLookup[]) {
    super('ID-card lookups exhausted for this hour');
  }
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  errors: ImportError[];
}

type MemberRow = typeof members.$inferSelect;

const asText = (value: unknown) => (value === null || value === undefined || value === '' ? null : String(value));

/**
 * One chunk of an Excel import, in the caller's tenant transaction: valid rows land, each
 * bad cell comes back as an error. Members are keyed by ID-card number: a new number →
 * a new member (createImportedMembers: version 1, event), a known one → `changeMember` with only the filled-in
 * columns, so an unchanged row writes nothing and a second import of a file changes
 * nothing. Queries are per chunk, not per row, except the updates of changed members.
 */
export async function importRows(tx: Tx, chunk: ImportChunk): Promise<ImportResult> {
  const result: ImportResult = { created: 0, updated: 0, unchanged: 0, errors: [] };
  const today = chinaDate(chunk.now);
  const valid: ValidRow[] = [];
  const seen = new Map<string, number>();
  for (const row of chunk.rows) {
    const checked = validateImportRow(row, { today, hasDefaultBranch: chunk.defaultBranch !== null });
    result.errors.push(...checked.errors);
    if (!checked.valid) continue;
    const first = seen.get(checked.valid.idCardNumber);
    if (first !== undefined) {
      result.errors.push({ row: row.rowNumber, column: 'idCardNumber', code: 'duplicate_in_file', message: `the same ID-card number as row ${first}` });
      continue;
    }
    seen.set(checked.valid.idCardNumber, row.rowNumber);
    valid.push(checked.valid);
  }

  const branchOf = await resolveBranches(tx, valid.flatMap((r) => (r.branchName ? [r.branchName] : [])), chunk.orgIds);
  const placed: { row: ValidRow; branch: NamedBranch }[] = [];
  for (const row of valid) {
    if (!row.branchName) {
      placed.push({ row, branch: chunk.defaultBranch! });
      continue;
    }
    const match = branchOf(row.branchName);
    if (match.found === 'one') placed.push({ row, branch: match.branch });
    else if (match.found === 'none') result.errors.push({ row: row.rowNumber, column: 'branch', code: 'unknown_branch', message: 'no branch with this name in your organizations' });
    else result.errors.push({ row: row.rowNumber, column: 'branch', code: 'ambiguous_branch', message: 'several branches have this name' });
  }
  if (placed.length === 0) return sorted(result);

  // RLS shows only members in the caller's scope: one query for the whole chunk.
  const existing = await tx
    .select()
    .from(members)
    .where(and(eq(members.tenantId, chunk.tenantId), inArray(members.idCardNumber, placed.map((p) => p.row.idCardNumber))));
  const byIdCard = new Map(existing.map((m) => [m.idCardNumber!, m]));

  // A reason for leaving needs the member away: as the row has them, else as the roster does.
  const awayWithoutReason = ({ row }: { row: ValidRow }, status: MemberStatus) => {
    if (!row.awayReason || status === 'mobile' || status === 'lost_contact') return false;
    result.errors.push({ row: row.rowNumber, column: 'awayReason', code: 'not_away', message: 'a member who is not away has no reason for being away' });
    return true;
  };
  const statusOfNew = (row: ValidRow) => row.status ?? (row.ledger.destinationCity ? 'mobile' : 'resident');
  const fresh = placed.filter((p) => !byIdCard.has(p.row.idCardNumber) && !awayWithoutReason(p, statusOfNew(p.row)));
  const created = await createImportedMembers(
    tx,
    chunk.tenantId,
    fresh.map(({ row, branch }) => {
      const personal = withIdCardFacts(row.personal);
      return {
        ...personal,
        ...row.ledger,
        name: personal.name!,
        status: statusOfNew(row),
        awayReason: row.awayReason,
        branchId: branch.id,
        branchPath: branch.path,
        idempotencyKey: `${IMPORT_KEY_PREFIX}${row.idCardNumber}`,
      };
    }),
    chunk.actor,
    chunk.now,
  );
  result.created = created.size;
  // Taken by a member the caller may not see (or by an earlier import's key): members.create's
  // answer, which does not say that a member holds the number, nor where; but it says that
  // someone does: an ID read, logged and counted (issue 13, class B), as a create's is. A row
  // matched to a member in scope (unchanged or updated) is logged with that member but not
  // counted: re-importing a county's roster must not stop at 20 rows an hour, and guessing a
  // number through an import leaves a new member, in its history, for every miss.
  const refused = fresh.filter(({ row }) => !created.has(row.idCardNumber)).map(({ row }) => row);
  const lookups: IdCardLookup[] = [
    ...placed.flatMap(({ row }) => {
      const member = byIdCard.get(row.idCardNumber);
      return member ? [{ kind: 'import_match' as const, idCardNumber: row.idCardNumber, memberId: member.id }] : [];
    }),
    ...refused.map((row) => ({ kind: 'registration_refused' as const, idCardNumber: row.idCardNumber })),
  ];
  if (refused.length > chunk.idCardLookupsLeft) throw new IdCardLookupsExhausted(lookups);
  await recordIdCardLookups(tx, chunk.tenantId, chunk.caller.userId, lookups, chunk.now);
  for (const row of refused) result.errors.push({ row: row.rowNumber, column: 'idCardNumber', code: 'id_card_unavailable', message: ID_CARD_UNAVAILABLE });

  for (const { row, branch } of placed) {
    const member = byIdCard.get(row.idCardNumber);
    if (!member) continue;
    const set = patchFor(row, branch);
    if (awayWithoutReason({ row }, set.status ?? member.status)) continue;
    if (sameAs(member, set)) {
      result.unchanged++;
      continue;
    }
    const ownRecord = await refusalOf(() => refuseDecidingAboutMember(tx, chunk.caller, member));
    if (ownRecord) {
      result.errors.push({ row: row.rowNumber, column: 'idCardNumber', code: 'own_record', message: ownRecord });
      continue;
    }
    const change = await changeMember(tx, chunk.tenantId, member.id, { action: 'import', set, actor: chunk.actor, now: chunk.now });
    if (change.changes.length > 0) result.updated++;
    else result.unchanged++;
  }
  return sorted(result);
}

/** Only the columns the file filled in; the branch moves the member only when it differs. */
function patchFor(row: ValidRow, branch: NamedBranch): MemberPatch {
  const { idCardNumber: _key, ...personal } = row.personal;
  const set: MemberPatch = { ...personal, ...row.ledger };
  if (row.status) set.status = row.status;
  if (row.awayReason) set.awayReason = row.awayReason;
  // Home again by the file's word: no reason for being away is left on the member (as 返乡).
  if (row.status === 'resident') set.awayReason = null;
  if (row.branchName) {
    set.branchId = branch.id;
    set.orgPath = branch.path;
  }
  return set;
}

/** True when every value the row sets is already stored: the row is skipped without a write or a lock. */
function sameAs(member: MemberRow, set: MemberPatch): boolean {
  return Object.entries(set).every(([field, value]) => value === undefined || asText(member[field as keyof MemberRow]) === asText(value));
}

/** The shared check's refusal as a row error's message, or null when the caller may change the record. */
async function refusalOf(check: () => Promise<void>): Promise<string | null> {
  try {
    await check();
    return null;
  } catch (error) {
    if (error instanceof DomainError && (error.code === 'decides_about_oneself' || error.code === 'level_above_decides')) return error.message;
    throw error;
  }
}

function sorted(result: ImportResult): ImportResult {
  result.errors.sort((a, b) => a.row - b.row);
  return result;
}
