import { IMPORT_CHUNK_ROWS, IMPORT_FIELDS } from '@tongxin/ledger/xlsx/fields';
import { ORG_IMPORT_CHUNK_ROWS, ORG_IMPORT_FIELDS } from '@tongxin/ledger/xlsx/org-fields';
import type { Tx } from '@tongxin/db';
import { decodeJsonInput, departmentProcedure, orgNotFound, staffProcedure, withOptionalOrg } from '@tongxin/trpc';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { findOrg, findRosterOrg } from '../orgs/find-org.ts';
import { recordIdCardLookups, remainingIdCardLookups, tooManyIdCardLookups } from '../members/id-card-lookups.ts';
import { isUniqueViolation } from '../members/unique-violation.ts';
import { BRANCH_KINDS } from '../orgs/branch-kinds.ts';
import { exportOrgName } from './export-org-name.ts';
import { exportRows, type Cursor } from './export-rows.ts';
import { importOrgs } from './import-orgs.ts';
import { IdCardLookupsExhausted, importRows } from './import-rows.ts';
import { DomainError, badField } from '@tongxin/errors';

export const ZImportRowsInput = z.object({
  /** A parsed sheet, sent in chunks; longer cells than a field allows come back as row errors. */
  rows: z
    .array(z.object({ rowNumber: z.number().int().min(1), values: z.partialRecord(z.enum(IMPORT_FIELDS), z.string().max(1000)) }))
    .min(1)
    .max(IMPORT_CHUNK_ROWS),
  /** For rows whose branch column is empty. */
  defaultBranchId: z.uuid().optional(),
});

export const ZImportOrgsInput = z.object({
  /** A parsed organizations sheet, parents before children (`orderForImport`), sent in chunks. */
  rows: z
    .array(z.object({ rowNumber: z.number().int().min(1), values: z.partialRecord(z.enum(ORG_IMPORT_FIELDS), z.string().max(1000)) }))
    .min(1)
    .max(ORG_IMPORT_CHUNK_ROWS),
  /** Check and count only: nothing is written. */
  dryRun: z.boolean().default(false),
});

export const ZExportRowsInput = z.object({
  orgId: z.uuid().optional(),
  kind: z.enum(['roster', 'ledger']),
  /** `next` from the previous page. */
  after: z.string().max(1000).optional(),
  limit: z.number().int().min(1).max(2000).default(500),
  /** Full ID-card numbers: the department only, and every exported member's read is logged. */
  fullIdCards: z.boolean().default(false),
});

/** `next` as exportRows returns it: branch name, member name, member id (a cast to uuid in SQL, so checked here). */
const ZCursor = z.tuple([z.string().max(400), z.string().max(400), z.guid()]);

/** A cursor the export did not return (not JSON, wrong shape, an id that is no uuid, a NUL inside) is BAD_REQUEST on `after`, never a 500. */
export function parseCursor(after: string | undefined): Cursor | null {
  return after ? decodeJsonInput('after', after, ZCursor) : null;
}

export const excelRouter = {
  /**
   * One chunk of a parsed member sheet (≤ 500 rows), imported in one transaction. Every row
   * carries an ID-card number, so the chunk needs lookups left this hour, and its rows whose
   * number someone holds (matched in scope, or refused) use them up (issue 13 B). No client key:
   * the rows are keyed by their numbers.
   */
  importRows: staffProcedure.input(ZImportRowsInput).mutation(async ({ ctx, input }) => {
    const outcome = await ctx
      .tx(async (tx) => {
        const { tenantId, userId } = ctx.claims;
        const now = ctx.deps.now();
        let defaultBranch = null;
        if (input.defaultBranchId) {
          const found = await findOrg(tx, tenantId, input.defaultBranchId, ctx.orgIds);
          if (!found) throw badField('defaultBranchId', 'org_not_found');
          if (!found.managed) throw orgNotFound();
          const org = found.org;
          if (!BRANCH_KINDS.includes(org.kind)) throw badField('defaultBranchId', 'not_a_branch');
          defaultBranch = { id: input.defaultBranchId, name: '', path: org.path };
        }
        const idCardLookupsLeft = await remainingIdCardLookups(tx, tenantId, userId, now);
        const chunk = { tenantId, orgIds: ctx.orgIds, rows: input.rows, defaultBranch, actor: { userId, role: ctx.staffRole }, caller: ctx.caller, idCardLookupsLeft, now };
        try {
          return { imported: await tx.transaction((savepoint) => importRows(savepoint as unknown as Tx, chunk)) };
        } catch (error) {
          if (!(error instanceof IdCardLookupsExhausted)) throw error;
          // The chunk is undone; its lookups stay logged and use up the hour.
          await recordIdCardLookups(tx, tenantId, userId, error.lookups, now);
          return { exhausted: true as const };
        }
      })
      .catch((error: unknown) => {
        // Another import took one of these ID cards between our check and our write.
        if (isUniqueViolation(error, 'members_id_card') || isUniqueViolation(error, 'members_idempotency')) {
          throw new DomainError('import_conflict', { message: 'Another import is adding the same members: send this chunk again' });
        }
        throw error;
      });
    if ('exhausted' in outcome) throw tooManyIdCardLookups();
    return outcome.imported;
  }),

  /** One chunk of the county's org tree from the organizations template (issue 12): the department builds the whole tree. */
  importOrgs: departmentProcedure.input(ZImportOrgsInput).mutation(({ ctx, input }) =>
    ctx.tx((tx) => importOrgs(tx, ctx.claims.tenantId, input.rows, { userId: ctx.claims.userId, now: ctx.deps.now() }, { dryRun: input.dryRun })),
  ),

  /** One page of the roster or the mobile-member ledger, for the workbook the client builds. */
  exportRows: staffProcedure.input(ZExportRowsInput).use(withOptionalOrg(findRosterOrg)).query(({ ctx, input }) => {
    if (input.fullIdCards && ctx.staffRole !== 'department') {
      throw new DomainError('role_required', { message: 'Only the organization department exports full ID-card numbers' });
    }
    const after = parseCursor(input.after);
    return ctx.tx(async (tx) => {
      const { org } = ctx;
      const page = await exportRows(tx, {
        tenantId: ctx.claims.tenantId,
        pathPrefix: org?.path ?? null,
        kind: input.kind,
        after,
        limit: input.limit,
        fullIdCards: input.fullIdCards ? { actorUserId: ctx.claims.userId, now: ctx.deps.now() } : null,
      });
      const orgName = await exportOrgName(tx, input.orgId ?? null, ctx.orgIds);
      return { rows: page.rows, next: page.next ? JSON.stringify(page.next) : null, orgName };
    });
  }),
} satisfies TRPCRouterRecord;
