import { sql } from 'drizzle-orm';

/**
 * The check-ins that reference a certificate (issue 17: "a check-in may reference it"): the
 * destination organizations whose grant of the holder's ledger stood while the certificate
 * did (roster.ledger_grants, written in this county from the destination's acceptance), named
 * from the directory. Derived by the server from its own rows, never sent by a client: the
 * register and the member's certificate show where the holder checked in with it, and the
 * member's report on the time away starts from it. `c` is the certificates row.
 */
export const checkedInWith = sql`(
  select coalesce(array_agg(distinct d.name), '{}') from roster.ledger_grants g
  join roster.org_directory d on d.tenant_id = g.grantee_tenant_id and d.org_id = g.grantee_org_id
  where g.tenant_id = c.tenant_id and g.member_id = c.member_id
    and (g.revoked_at is null or g.revoked_at >= c.created_at)
    and (c.closed_at is null or g.granted_at <= c.closed_at))`;
