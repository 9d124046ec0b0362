import type { MemberStatus } from '@tongxin/ledger';
import type { Tx } from '@tongxin/db';
import { sql } from 'drizzle-orm';

export interface MemberRow {
  id: string;
  name: string;
  branch: string;
  status: MemberStatus;
  destinationCity: string | null;
}

/** One page of the members RLS lets the caller see, optionally under one org's path. */
export async function listMembers(tx: Tx, options: { pathPrefix: string | null; page: number; pageSize: number }) {
  const under = options.pathPrefix ? sql`and m.org_path like ${options.pathPrefix + '%'}` : sql``;
  const offset = (options.page - 1) * options.pageSize;
  const rows = await tx.execute(sql`
    select m.id, m.name, b.name as branch, m.status, m.destination_city as "destinationCity",
           count(*) over () as total
    from roster.members m
    join roster.orgs b on b.tenant_id = m.tenant_id and b.id = m.branch_id
    where true ${under}
    order by m.name, m.id
    limit ${options.pageSize} offset ${offset}`);
  const items = rows.rows as unknown as (MemberRow & { total: string | number })[];
  const total = items.length > 0 ? Number(items[0]!.total) : await countMembers(tx, options.pathPrefix);
  return { items: items.map(({ total: _t, ...row }) => row), total, page: options.page, pageSize: options.pageSize };
}

async function countMembers(tx: Tx, pathPrefix: string | null): Promise<number> {
  const under = pathPrefix ? sql`where org_path like ${pathPrefix + '%'}` : sql``;
  const result = await tx.execute(sql`select count(*)::int as n from roster.members ${under}`);
  return Number((result.rows[0] as { n: number }).n);
}
