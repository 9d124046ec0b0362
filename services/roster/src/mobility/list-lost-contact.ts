import { inSubtree, type Tx } from '@tongxin/db';
import { sql } from 'drizzle-orm';

export interface LostContactMember {
  memberId: string;
  name: string;
  branchId: string;
  branch: string;
  townshipId: string | null;
  township: string | null;
  since: string | null;
  reason: number | null;
}

/**
 * Lost-contact members RLS lets the caller see, under one org when given, with counts per
 * branch and per township (the nearest township or street committee above the branch; a
 * flow organization hanging under the department has none).
 */
export async function listLostContact(tx: Tx, pathPrefix: string | null) {
  const under = pathPrefix ? sql`and ${inSubtree(sql`m.org_path`, pathPrefix)}` : sql``;
  const result = await tx.execute(sql`
    select m.id as "memberId", m.name, m.branch_id as "branchId", b.name as branch,
           tw.id as "townshipId", coalesce(tw.place, tw.name) as township,
           m.lost_contact_since::text as since, m.lost_contact_reason as reason
    from roster.members m
    join roster.orgs b on b.tenant_id = m.tenant_id and b.id = m.branch_id
    left join lateral (
      select t.id, t.name, t.place from roster.orgs t
      where t.tenant_id = m.tenant_id and t.kind in ('township', 'street') and m.org_path like t.path || '%'
      order by length(t.path) desc limit 1
    ) tw on true
    where m.status = 'lost_contact' ${under}
    order by m.lost_contact_since, m.name`);
  const rows = result.rows as unknown as LostContactMember[];
  const byBranch = countBy(rows, (r) => r.branchId, (r) => ({ branchId: r.branchId, branch: r.branch }));
  const byTownship = countBy(rows, (r) => r.townshipId ?? '', (r) => ({ townshipId: r.townshipId, township: r.township }));
  return {
    members: rows.map(({ townshipId: _id, ...member }) => member),
    byBranch,
    byTownship,
  };
}

function countBy<T, G extends object>(rows: T[], key: (row: T) => string, group: (row: T) => G): (G & { count: number })[] {
  const groups = new Map<string, G & { count: number }>();
  for (const row of rows) {
    const k = key(row);
    const g = groups.get(k) ?? { ...group(row), count: 0 };
    g.count += 1;
    groups.set(k, g);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}
