import { inSubtree, type Tx } from '@tongxin/db';
import type { LostRegisterRow, RecontactedRegisterRow } from '@tongxin/ledger';
import { yearRange } from '@tongxin/calendar';
import { sql } from 'drizzle-orm';

// Raw rows carry the driver's own time form (a Date, or PGlite's text): one ISO form out.
const iso = (value: unknown) => (value == null ? null : new Date(value as string | Date).toISOString());

/**
 * The two official registers of 失联 (brief "Lost contact"), for the members RLS lets the
 * caller see, under one org when given: the members lost contact now (失联党员登记表), with
 * their last contact and the failed attempts since it, and those found again in the year
 * (恢复联系党员登记表), read from the ledger version that found them (its changes hold when
 * and why they had been lost), with where they are now.
 */
export async function listLostContactRegisters(
  tx: Tx,
  scope: { org: { path: string; name: string } | null; orgIds: readonly string[] },
  year: number,
): Promise<{ orgName: string; lost: LostRegisterRow[]; recontacted: RecontactedRegisterRow[] }> {
  const pathPrefix = scope.org?.path ?? null;
  const under = pathPrefix ? sql`and ${inSubtree(sql`m.org_path`, pathPrefix)}` : sql``;
  const lost = await tx.execute(sql`
    select m.name, m.gender, m.birth_date::text as "birthDate", m.joined_on::text as "joinedOn", b.name as "branchName",
           m.lost_contact_since::text as since, m.lost_contact_reason as reason,
           m.last_contact_at as "lastContactAt", m.last_contact_source as "lastContactSource",
           (select count(*)::int from roster.contact_attempts a
             where a.tenant_id = m.tenant_id and a.member_id = m.id and a.result <> 'reached'
               and a.attempted_on > coalesce((select max(r.attempted_on) from roster.contact_attempts r
                 where r.tenant_id = m.tenant_id and r.member_id = m.id and r.result = 'reached'), '-infinity'::date)) as "failedAttempts"
    from roster.members m
    join roster.orgs b on b.tenant_id = m.tenant_id and b.id = m.branch_id
    where m.status = 'lost_contact' ${under}
    order by m.lost_contact_since, m.name, m.id`);
  const { start, end } = yearRange(year);
  const found = await tx.execute(sql`
    select m.name, m.gender, b.name as "branchName",
           (select c->>'from' from jsonb_array_elements(v.changes) c where c->>'field' = 'lostContactSince') as "lostSince",
           (select (c->>'from')::int from jsonb_array_elements(v.changes) c where c->>'field' = 'lostContactReason') as reason,
           v.at as "recontactedAt", m.destination_city as "destinationCity", m.employer, m.status
    from roster.member_versions v
    join roster.members m on m.tenant_id = v.tenant_id and m.id = v.member_id
    join roster.orgs b on b.tenant_id = m.tenant_id and b.id = m.branch_id
    where v.action = 'recontacted' and v.at >= ${start.toISOString()}::timestamptz and v.at < ${end.toISOString()}::timestamptz ${under}
    order by v.at, m.name, m.id`);
  return {
    orgName: scope.org?.name ?? (await filingOrgName(tx, scope.orgIds)),
    lost: (lost.rows as unknown as LostRegisterRow[]).map((row) => ({ ...row, lastContactAt: iso(row.lastContactAt) })),
    recontacted: (found.rows as unknown as RecontactedRegisterRow[]).map((row) => ({ ...row, recontactedAt: iso(row.recontactedAt)! })),
  };
}

/** The org a register is filed by when none is named: the caller's highest (the county's department for the department). */
async function filingOrgName(tx: Tx, orgIds: readonly string[]): Promise<string> {
  const ids = orgIds.length > 0 ? sql`o.id in (${sql.join(orgIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql`o.kind = 'department'`;
  const result = await tx.execute(sql`select o.name from roster.orgs o where ${ids} order by length(o.path), o.name limit 1`);
  return (result.rows[0] as { name: string } | undefined)?.name ?? '';
}
