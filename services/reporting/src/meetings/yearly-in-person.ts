import { dateStart, yearRange } from '@tongxin/calendar';
import type { Tx } from '@tongxin/db';
import { sql } from 'drizzle-orm';
import { attendedInPerson } from './in-person.ts';
import { orgMembers } from './meeting-roster.ts';

/** 1 October, Beijing time: from then on a member without an in-person attendance is at risk. */
const atRiskFrom = (year: number) => dateStart(`${year}-10-01`);

const idsOf = (rows: Record<string, unknown>[]) => new Set(rows.map((r) => r.member_id as string));

/**
 * The in-person rule (brief, 双报一领: "members must attend at least one meeting in person
 * each year", typically when home for Qingming, Mid-Autumn or Spring Festival): who among the
 * org's members has attended in person in the China calendar year, who has not yet, and who
 * is at risk. At risk, from 1 October until the year ends: not yet attended in person and
 * no in-person meeting still to come this year that they said they would attend in person.
 */
export async function yearlyInPerson(tx: Tx, orgPath: string, year: number, now: Date) {
  const roster = await orgMembers(tx, orgPath);
  if (roster.length === 0) return { year, attended: [], notYet: [], atRisk: [] };
  const ids = `{${roster.map((m) => m.memberId).join(',')}}`;
  const { start, end } = yearRange(year);

  const attended = idsOf(
    (await tx.execute(sql`
      select distinct a.member_id from reporting.attendance a
      join reporting.meetings mt on mt.tenant_id = a.tenant_id and mt.id = a.meeting_id
      where a.member_id = any(${ids}::uuid[]) and ${attendedInPerson(start, end)}`)).rows,
  );
  const notYet = roster.filter((m) => !attended.has(m.memberId)).map(({ memberId, name }) => ({ memberId, name }));

  let atRisk: typeof notYet = [];
  if (now >= atRiskFrom(year) && now < end && notYet.length > 0) {
    const planned = idsOf(
      (await tx.execute(sql`
        select distinct a.member_id from reporting.attendance a
        join reporting.meetings mt on mt.tenant_id = a.tenant_id and mt.id = a.meeting_id
        where a.member_id = any(${ids}::uuid[]) and a.response = 'in_person' and mt.mode <> 'online' and mt.cancelled_at is null
          and mt.ends_at > ${now.toISOString()} and mt.starts_at < ${end.toISOString()}`)).rows,
    );
    atRisk = notYet.filter((m) => !planned.has(m.memberId));
  }
  return { year, attended: roster.filter((m) => attended.has(m.memberId)).map((m) => m.memberId), notYet, atRisk };
}
