import { generateAccessKeys, type AccessClaims } from '@tongxin/auth';
import type { Database, Tx } from '@tongxin/db';
import { createTestDatabase } from '@tongxin/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Context } from '../context.ts';
import { actingProcedure, createCallerFactory, router, staffProcedure } from '../trpc.ts';
import { withOptionalOrg, withOrg } from './index.ts';

const county = '10000000-0000-4000-8000-000000000001';
const townA = '10000000-0000-4000-8000-00000000000a';
const branchA1 = '10000000-0000-4000-8000-0000000000a1';
const townB = '10000000-0000-4000-8000-00000000000b';
const paths: Record<string, string> = {
  [townA]: `/${county}/${townA}/`,
  [branchA1]: `/${county}/${townA}/${branchA1}/`,
  [townB]: `/${county}/${townB}/`,
};

// The service's lookup, here over a VALUES list in a real transaction: county t1 has the three orgs.
const findOrg = async (tx: Tx, tenantId: string, orgId: string) => {
  const rows = Object.entries(paths).map(([id, path]) => sql`(${'t1'}, ${id}, ${path})`);
  const result = await tx.execute(sql`select id, path from (values ${sql.join(rows, sql`, `)}) o(tenant_id, id, path) where tenant_id = ${tenantId} and id = ${orgId}`);
  return result.rows[0] as { id: string; path: string } | undefined;
};

const appRouter = router({
  history: staffProcedure.input(z.object({ orgId: z.uuid() })).use(withOrg(findOrg)).query(({ ctx }) => ctx.org),
  list: actingProcedure('secretary', 'department').input(z.object({ orgId: z.uuid().optional() })).use(withOptionalOrg(findOrg)).query(({ ctx }) => ctx.org),
});

const createCaller = createCallerFactory(appRouter);
let database: Database;
let deps: Context['deps'];
beforeAll(async () => {
  database = await createTestDatabase([]);
  deps = { database, keys: (await generateAccessKeys()).keys, now: () => new Date(), secureCookies: false };
});
const callerAs = (claims: Pick<AccessClaims, 'tenantId' | 'roles'>) =>
  createCaller({ deps, claims: { userId: 'u1', sessionId: 's1', name: 'test', ...claims }, cookies: {}, resHeaders: new Headers(), clientIp: null });
afterAll(() => database?.close());

const secretaryOf = (orgId: string) => callerAs({ tenantId: 't1', roles: [{ role: 'secretary', orgId }] });
const departmentOf = (tenantId: string) => callerAs({ tenantId, roles: [{ role: 'department' }] });
const codeOf = (call: Promise<unknown>) => call.then(() => 'OK', (error: { code?: string }) => error.code);

describe('withOrg', () => {
  it('hands the procedure the org in the caller’s subtree, their own org included', async () => {
    expect(await secretaryOf(townA).history({ orgId: branchA1 })).toEqual({ id: branchA1, path: paths[branchA1] });
    expect(await secretaryOf(townA).history({ orgId: townA })).toEqual({ id: townA, path: paths[townA] });
    expect(await departmentOf('t1').history({ orgId: townB })).toEqual({ id: townB, path: paths[townB] });
  });

  it('answers NOT_FOUND alike for an org outside the scope, above it, unknown, or of another county', async () => {
    expect(await codeOf(secretaryOf(townA).history({ orgId: townB }))).toBe('NOT_FOUND');
    expect(await codeOf(secretaryOf(branchA1).history({ orgId: townA }))).toBe('NOT_FOUND');
    expect(await codeOf(secretaryOf(townA).history({ orgId: crypto.randomUUID() }))).toBe('NOT_FOUND');
    expect(await codeOf(departmentOf('t2').history({ orgId: townA }))).toBe('NOT_FOUND');
  });

  it('leaves the base procedure’s refusal first: a member is FORBIDDEN', async () => {
    expect(await codeOf(callerAs({ tenantId: 't1', roles: [{ role: 'member', orgId: branchA1 }] }).history({ orgId: branchA1 }))).toBe('FORBIDDEN');
  });
});

describe('withOptionalOrg', () => {
  it('gives null when no org is named and checks one that is', async () => {
    expect(await secretaryOf(townA).list({})).toBeNull();
    expect(await secretaryOf(townA).list({ orgId: branchA1 })).toEqual({ id: branchA1, path: paths[branchA1] });
    expect(await codeOf(secretaryOf(townA).list({ orgId: townB }))).toBe('NOT_FOUND');
  });
});
