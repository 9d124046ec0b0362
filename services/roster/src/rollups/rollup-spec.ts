import { chinaDate } from '@tongxin/calendar';
import { STALE_AFTER_DAYS } from '@tongxin/ledger';
import type { RollupSpec } from '@tongxin/rollups';
import { sql } from 'drizzle-orm';
import { awayOn } from '../members/away-on.ts';
import { rollupMarks, rollupMonths, rollups } from '../schema.ts';

/**
 * The suffixes of an administrative name (汝城县, 热水镇, 深圳市): a ledger says 深圳 or
 * 深圳市, 汝城 or 汝城县, so places are compared without them.
 */
const SUFFIX = '(县|市|区|镇|乡|村|街道)$';

/**
 * roster's rollups (issue 15): one scan of the tenant's members per month, each member giving
 * one row per figure it counts in (`ROLLUP_FIGURES.roster`), grouped by its branch's path.
 *
 * Stock figures are as of `window.asOf` where the row's dates allow it: a member counts from
 * `created_at`, is mobile from `away_since` and lost contact from `lost_contact_since`, and a
 * check-in counts from its grant to its revocation; ages and years away are taken on the
 * month's last day, in whole years (`away:1-3` is one year up to three; an age under 18, a
 * mistyped birth date, falls in `age:18-35`). Approximate for past months: the status, branch,
 * destination, employer, occupation, education and reason for leaving are today's (a member who has since returned is not
 * counted as away then; one moved to another branch counts under the new one), and
 * transferred-out members are left out of every month, also those before they left. A change
 * marks only the months its dates name and the current one (a backdated `away_since` leaves
 * the months between as they were until a rebuild). `ledgerStale` is the current month's only.
 *
 * Out of the county / within (三找: where they are): a mobile member's destination is within
 * the county when the ledger's destination city, suffix aside, is one of the county's own
 * places: a township's or village's `place` in the tree, or the county's name (the root's
 * place — 宜章县 for 宜章县委 — or, for a root that has none, the county in its name:
 * 中共汝城县委组织部 → 汝城县). Any other recorded city is out of the county; a member with no
 * destination city recorded is neither (the ledger does not say).
 */
export const rosterRollups: RollupSpec = {
  tables: { rollups, rollupMarks, rollupMonths },
  currentOnly: ['ledgerStale'],
  leaves: (tenantId, window) => {
    const asOf = window.asOf.toISOString();
    // The month's last day (today for the month running): dates on or before it count.
    const day = chinaDate(new Date(window.asOf.getTime() - 1));
    const staleBefore = new Date(window.asOf.getTime() - STALE_AFTER_DAYS * 86_400_000).toISOString();
    return sql`
      with places as (
        select distinct regexp_replace(p.place, ${SUFFIX}, '') as place
        from roster.orgs o
        cross join lateral (values (o.place), (case when o.parent_id is null then substring(o.name from '^(?:中共)?(.+?[县区市旗])委') end)) p (place)
        where o.tenant_id = ${tenantId} and o.kind not in ('flow_general', 'flow_branch') and p.place is not null
      ),
      checked as (
        select distinct member_id from roster.ledger_grants
        where tenant_id = ${tenantId} and granted_at < ${asOf}::timestamptz and (revoked_at is null or revoked_at >= ${asOf}::timestamptz)
      ),
      roll as (
        select m.id, m.org_path, m.status, m.birth_date, m.gender, m.education, m.occupation, m.employer, m.away_since, m.away_reason,
               m.lost_contact_since, m.ledger_confirmed_at,
               ${awayOn(day)} as mobile,
               coalesce(nullif(btrim(m.destination_province), ''), '') as province,
               nullif(btrim(m.destination_city), '') as city
        from roster.members m
        where m.tenant_id = ${tenantId} and m.status <> 'transferred_out' and m.created_at < ${asOf}::timestamptz
      ),
      mobile as (
        select r.*, c.member_id is not null as checked_in,
               extract(year from age(${day}::date, r.birth_date))::int as age,
               extract(year from age(${day}::date, r.away_since))::int as years_away,
               nullif(btrim(r.employer), '') as employer_name
        from roll r left join checked c on c.member_id = r.id
        where r.mobile
      )
      select org_path, 'members', count(*)::float8 from roll group by org_path
      union all
      select m.org_path, f.figure, count(*)::float8
      from mobile m
      cross join lateral (values
        ('mobile'),
        (case when m.city is null then null
              when regexp_replace(m.city, ${SUFFIX}, '') in (select place from places) then 'withinCounty'
              else 'outOfCounty' end),
        (case when m.checked_in then 'checkedIn' end),
        (case when m.status = 'lost_contact' and (m.lost_contact_since is null or m.lost_contact_since <= ${day}::date) then 'lostContact' end),
        (case when m.ledger_confirmed_at is null or m.ledger_confirmed_at < ${staleBefore}::timestamptz then 'ledgerStale' end),
        ('age:' || case when m.age is null then 'unknown' when m.age <= 35 then '18-35' when m.age <= 45 then '36-45' when m.age <= 55 then '46-55' else '56+' end),
        ('gender:' || coalesce(m.gender::text, 'unknown')),
        ('education:' || coalesce(m.education::text, 'unknown')),
        ('occupation:' || coalesce(nullif(btrim(m.occupation), ''), 'unknown')),
        ('away:' || case when m.years_away is null then 'unknown' when m.years_away < 1 then '0-1' when m.years_away < 3 then '1-3' when m.years_away < 5 then '3-5' else '5+' end),
        ('awayReason:' || coalesce(m.away_reason::text, 'unknown')),
        (case when m.city is not null then 'place:' || m.province || '|' || m.city end),
        (case when m.city is not null and m.checked_in then 'placeCheckedIn:' || m.province || '|' || m.city end),
        (case when m.employer_name is not null then 'employer:' || m.province || '|' || coalesce(m.city, '') || '|' || m.employer_name end)
      ) f (figure)
      where f.figure is not null
      group by m.org_path, f.figure`;
  },
};
