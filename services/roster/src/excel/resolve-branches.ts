import { pathInScope, type Tx } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { BRANCH_KINDS } from '../orgs/branch-kinds.ts';

export interface NamedBranch {
  id: string;
  name: string;
  path: string;
}

export type BranchMatch = { found: 'one'; branch: NamedBranch } | { found: 'none' } | { found: 'several' };

/** Spreadsheets often say 涌水村 for 涌水村党支部. */
const SUFFIX = '党支部';

/**
 * Resolves the branch names of one import chunk in one query: open branches (of any
 * branch kind) with that name, or that name + 党支部, inside the caller's subtrees
 * (`orgIds` null = the department's whole tenant). A branch outside the scope is "none":
 * the answer does not say it exists.
 */
export async function resolveBranches(tx: Tx, names: readonly string[], orgIds: readonly string[] | null): Promise<(name: string) => BranchMatch> {
  const wanted = [...new Set(names.flatMap((n) => [n, n + SUFFIX]))];
  const byName = new Map<string, NamedBranch[]>();
  if (wanted.length > 0) {
    const kinds = sql.join(BRANCH_KINDS.map((k) => sql`${k}`), sql`, `);
    const inScope = pathInScope(sql`o.path`, orgIds);
    const result = await tx.execute(sql`
      select o.id, o.name, o.path from roster.orgs o
      where o.closed_at is null and o.kind in (${kinds})
        and o.name in (${sql.join(wanted.map((n) => sql`${n}`), sql`, `)}) and ${inScope}`);
    for (const branch of result.rows as unknown as NamedBranch[]) {
      byName.set(branch.name, [...(byName.get(branch.name) ?? []), branch]);
    }
  }
  return (name) => {
    const matches = byName.get(name) ?? byName.get(name + SUFFIX) ?? [];
    if (matches.length === 1) return { found: 'one', branch: matches[0]! };
    return matches.length === 0 ? { found: 'none' } : { found: 'several' };
  };
}
