import { inSubtree, pathInScope, type Tx } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { BRANCH_KINDS } from '../orgs/branch-kinds.ts';
import { LEDGER_STATUSES, staleCutoff } from './ledger-staleness.ts';

export interface StalenessCount {
  /** Members the ledger applies to (mobile or lost contact; see ledger-staleness.ts). */
  members: number;
  /** Of those, ledgers unconfirmed for longer than STALE_AFTER_DAYS. */
  stale: number;
  /** stale / members, 0 when there are none. */
  share: number;
}

const share = (stale: number, members: number) => (members === 0 ? 0 : Math.round((stale / members) * 10_000) / 10_000);

/**
 * Per branch under `pathPrefix` (or under the caller's orgs; null orgIds = the whole tenant),
 * how stale the ledger is. The tree is readable tenant-wide, so the branch list is limited
 * here; the members counted are limited by RLS as well.
 */
export async function countStaleness(tx: Tx, options: { pathPrefix: string | null; orgIds: readonly string[] | null; now: Date }) {
  const kinds = sql.join(BRANCH_KINDS.map((k) => sql`${k}`), sql`, `);
  const statuses = sql.join(LEDGER_STATUSES.map((s) => sql`${s}`), sql`, `);
  const cutoff = staleCutoff(options.now).toISOString();
  const under = options.pathPrefix ? sql`and ${inSubtree(sql`b.path`, options.pathPrefix)}` : sql``;
  const scope = sql`and ${pathInScope(sql`b.path`, options.orgIds)}`;
  const result = await tx.execute(sql`
    select b.id as "branchId", b.name as branch,
           count(m.id) filter (where m.status in (${statuses}))::int as members,
           count(m.id) filter (where m.status in (${statuses})
             and (m.ledger_confirmed_at is null or m.ledger_confirmed_at < ${cutoff}::timestamptz))::int as stale
    from roster.orgs b
    left join roster.members m on m.tenant_id = b.tenant_id and m.branch_id = b.id
    where b.kind in (${kinds}) ${under} ${scope}
    group by b.id, b.name, b.path, b.closed_at
    having b.closed_at is null or count(m.id) > 0
    order by b.path`);
  const branches = (result.rows as unknown as { branchId: string; branch: string; members: number; stale: number }[]).map((b) => ({
    ...b,
    share: share(b.stale, b.members),
  }));
  const members = branches.reduce((n, b) => n + b.members, 0);
  const stale = branches.reduce((n, b) => n + b.stale, 0);
  return { branches, total: { members, stale, share: share(stale, members) } satisfies StalenessCount };
}
