import { inSubtree, type Tx } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { LEVEL_KINDS, type RankingLevel } from './org-levels.ts';

export interface OrgRanking {
  orgId: string;
  orgName: string;
  kind: string;
  /** Members counted (not transferred out). */
  members: number;
  points: number;
  /** Points per member, one decimal: a small branch is compared fairly with a large one. */
  perMember: number;
  /** 1 is first; orgs with the same points per member share a rank. */
  rank: number;
}

/**
 * The orgs of one level under `parentPath` (null: the whole tenant) with their members'
 * points over the months `from`..`to`. An org's members are those whose org path passes
 * through it; a flow organization also counts the county's members with an accepted
 * check-in there (the checkins copy), each member once. Closed orgs are left out.
 *
 * No member counts twice at one level: when a ranked org contains another ranked org (a
 * flow general branch 流动党员党总支 and its flow branches, both at the flow level), a member
 * counts for the innermost one only — the containing org keeps just its own members, those
 * in none of its ranked sub-orgs — and a containing org with no members of its own is not
 * listed. So a 党总支 of 13 whose branches hold 4+5+4 is left out; one with 2 members of its
 * own directly under it is listed with those 2.
 */
export async function rankOrgs(
  tx: Tx,
  tenantId: string,
  query: { level: RankingLevel; parentPath: string | null; from: string; to: string },
): Promise<OrgRanking[]> {
  const kinds = `{${LEVEL_KINDS[query.level].join(',')}}`;
  const parent = query.parentPath;
  // The subtree as a text_pattern range, which the path index serves (`inSubtree`, @tongxin/db).
  const inParent = parent ? sql`${inSubtree(sql`o.path`, parent)} and o.path <> ${parent}` : sql`true`;
  const checkedIn =
    query.level === 'flow_org'
      ? sql`union
        select c.org_id, k.member_id from scoring.checkins k
        join scoring.members m on m.tenant_id = k.tenant_id and m.member_id = k.member_id and m.status <> 'transferred_out'
        cross join lateral unnest(string_to_array(trim(both '/' from k.dest_org_path), '/')) a(id)
        join candidates c on c.org_id::text = a.id
        where k.tenant_id = ${tenantId} and k.dest_tenant_id = ${tenantId}`
      : sql``;
  const result = await tx.execute(sql`
    with candidates as (
      select o.org_id, o.name, o.kind, o.path from scoring.orgs o
      where o.tenant_id = ${tenantId} and o.kind = any(${kinds}::text[]) and o.closed_at is null and ${inParent}
    ),
    belongs as (
      select c.org_id, m.member_id from scoring.members m
      cross join lateral unnest(string_to_array(trim(both '/' from m.org_path), '/')) a(id)
      join candidates c on c.org_id::text = a.id
      where m.tenant_id = ${tenantId} and m.status <> 'transferred_out'
      ${checkedIn}
    ),
    -- A member counts for the innermost ranked org they belong to (see above).
    innermost as (
      select b.org_id, b.member_id from belongs b join candidates c on c.org_id = b.org_id
      where not exists (
        select 1 from belongs b2 join candidates c2 on c2.org_id = b2.org_id
        where b2.member_id = b.member_id and c2.org_id <> c.org_id and starts_with(c2.path, c.path)
      )
    ),
    -- An org that contains another ranked org is listed only with members of its own.
    listed as (
      select c.org_id, c.name, c.kind from candidates c
      where not exists (select 1 from candidates c2 where c2.org_id <> c.org_id and starts_with(c2.path, c.path))
         or exists (select 1 from innermost i where i.org_id = c.org_id)
    ),
    scored as (
      select l.member_id, sum(l.points)::int as points from scoring.points_ledger l
      where l.tenant_id = ${tenantId} and l.period >= ${query.from} and l.period <= ${query.to}
      group by l.member_id
    )
    select c.org_id, c.name, c.kind, count(b.member_id)::int as members, coalesce(sum(s.points), 0)::int as points
    from listed c left join innermost b on b.org_id = c.org_id left join scored s on s.member_id = b.member_id
    group by c.org_id, c.name, c.kind`);
  const rows = (result.rows as { org_id: string; name: string; kind: string; members: number; points: number }[]).map((r) => ({
    orgId: r.org_id,
    orgName: r.name,
    kind: r.kind,
    members: Number(r.members),
    points: Number(r.points),
    ratio: Number(r.members) > 0 ? Number(r.points) / Number(r.members) : 0,
  }));
  rows.sort((a, b) => b.ratio - a.ratio || b.points - a.points || a.orgName.localeCompare(b.orgName, 'zh-CN'));
  return rows.map(({ ratio, ...r }) => ({
    ...r,
    perMember: Math.round(ratio * 10) / 10,
    rank: 1 + rows.filter((other) => other.ratio > ratio).length,
  }));
}
