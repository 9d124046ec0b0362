import { chinaDate, monthRange } from '@tongxin/calendar';
import type { Database } from '@tongxin/db';
import { createTestDatabase } from '@tongxin/db/testing';
import { TOPICS } from '@tongxin/events';
import { STALE_AFTER_DAYS } from '@tongxin/ledger';
import { rebuildRollups, ROLLUP_FIGURES } from '@tongxin/rollups';
import { applyCheckinEvent, rosterRollups } from '@tongxin/roster';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUCHENG } from '../seed/county-plan.ts';
import { seedCounty } from '../seed/seed-county.ts';
import { serviceMigrations } from '../services.ts';

// roster's rollups on the seeded Rucheng county equal the same figures computed here, in
// TypeScript, from the raw rows: the county, a township and a branch, this month and June.
const NOW = new Date('2026-11-02T01:00:00Z');
const CURRENT = '2026-11';
const PAST = '2026-06';
const TENANT = RUCHENG.tenantId;

let database: Database;
const rows = async <T = Record<string, any>>(query: ReturnType<typeof sql>) => (await database.owner.execute(query)).rows as T[];

interface Member {
  id: string; org_path: string; status: string; birth_date: string | null; gender: string | null; education: string | null; occupation: string | null;
  employer: string | null; destination_province: string | null; destination_city: string | null; away_since: string | null; away_reason: string | null;
  lost_contact_since: string | null;
  ledger_confirmed_at: Date | null; created_at: Date;
}
interface Grant { member_id: string; granted_at: Date; revoked_at: Date | null }
interface Org { id: string; parent_id: string | null; kind: string; name: string; place: string | null; path: string }

let members: Member[];
let grants: Grant[];
let orgs: Org[];

/** A check-in accepted at one of the county's flow branches, through roster's consumer (the grant). */
async function checkIn(memberId: string, grantedAt: string, endedAt?: string) {
  const flow = orgs.find((o) => o.kind === 'flow_branch')!;
  const checkinId = crypto.randomUUID();
  const accepted = {
    checkinId, memberTenantId: TENANT, memberId, granteeTenantId: TENANT, granteeOrgId: flow.id, granteeOrgPath: flow.path,
    fields: ['destinationCity'], grantedBy: 'secretary', grantedAt,
  };
  expect(await applyCheckinEvent(database, { id: crypto.randomUUID(), tenantId: TENANT, topic: TOPICS.reporting.checkinAccepted, payload: accepted, createdAt: NOW }, NOW)).toBe('applied');
  if (!endedAt) return;
  const ended = { checkinId, memberTenantId: TENANT, memberId, endedBy: 'secretary', endedAt };
  expect(await applyCheckinEvent(database, { id: crypto.randomUUID(), tenantId: TENANT, topic: TOPICS.reporting.checkinEnded, payload: ended, createdAt: NOW }, NOW)).toBe('applied');
}

beforeAll(async () => {
  database = await createTestDatabase(serviceMigrations);
  await seedCounty(database, RUCHENG, () => undefined, NOW);
  orgs = await rows<Org>(sql`select id, parent_id, kind, name, place, path from roster.orgs where tenant_id = ${TENANT}`);
  const away = await rows<{ id: string }>(sql`select id from roster.members where tenant_id = ${TENANT} and status = 'mobile' order by id`);
  // Check-ins: since May (June and now), since August (now only), March to September (June only).
  await checkIn(away[0]!.id, '2026-05-10T02:00:00Z');
  await checkIn(away[1]!.id, '2026-08-10T02:00:00Z');
  await checkIn(away[2]!.id, '2026-03-10T02:00:00Z', '2026-09-01T02:00:00Z');
  // One away within the county (its township's town), one away since only September, one
  // transferred out, one lost contact since August, one ledger unconfirmed since September
  // (Rucheng's 80 members happen to have none of these).
  await database.system.execute(sql`update roster.members set destination_province = '湖南省', destination_city = '热水镇' where id = ${away[3]!.id}`);
  await database.system.execute(sql`update roster.members set away_since = '2026-09-15' where id = ${away[4]!.id}`);
  await database.system.execute(sql`update roster.members set status = 'transferred_out' where id = ${away[5]!.id}`);
  await database.system.execute(sql`update roster.members set status = 'lost_contact', lost_contact_since = '2026-08-01', lost_contact_reason = 1 where id = ${away[6]!.id}`);
  await database.system.execute(sql`update roster.members set ledger_confirmed_at = '2026-09-01T00:00:00Z' where id = ${away[7]!.id}`);
  // One with neither 学历 nor a reason for leaving recorded, whatever the seed drew.
  await database.system.execute(sql`update roster.members set education = null, away_reason = null where id = ${away[8]!.id}`);
  members = await rows<Member>(sql`
    select id, org_path, status, birth_date::text, gender, education, occupation, employer, destination_province, destination_city,
           away_since::text, away_reason, lost_contact_since::text, ledger_confirmed_at, created_at
    from roster.members where tenant_id = ${TENANT}`);
  grants = await rows<Grant>(sql`select member_id, granted_at, revoked_at from roster.ledger_grants where tenant_id = ${TENANT}`);
  await rebuildRollups(database.system, rosterRollups, TENANT, [PAST, CURRENT], () => NOW);
});
afterAll(() => database.close());

const SUFFIX = /(县|市|区|镇|乡|村|街道)$/;
const fullYears = (from: string, to: string) => Number(to.slice(0, 4)) - Number(from.slice(0, 4)) - (to.slice(5) < from.slice(5) ? 1 : 0);
const blank = (value: string | null) => (value?.trim() ? value.trim() : null);

/** The figures of an org's subtree for a month, from the raw rows. */
function expected(orgId: string, month: string): Record<string, number> {
  const current = month === CURRENT;
  const asOf = current ? NOW : monthRange(month).end;
  const day = chinaDate(new Date(asOf.getTime() - 1));
  const places = new Set(
    orgs.filter((o) => o.kind !== 'flow_branch' && o.kind !== 'flow_general')
      .flatMap((o) => [o.place, o.parent_id === null ? /^(?:中共)?(.+?[县区市旗])委/.exec(o.name)?.[1] ?? null : null])
      .filter((p): p is string => p !== null)
      .map((p) => p.replace(SUFFIX, '')),
  );
  const figures: Record<string, number> = {};
  const add = (figure: string) => (figures[figure] = (figures[figure] ?? 0) + 1);
  for (const m of members) {
    if (!m.org_path.includes(`/${orgId}/`) || m.status === 'transferred_out' || new Date(m.created_at) >= asOf) continue;
    add('members');
    if (!['mobile', 'lost_contact'].includes(m.status) || (m.away_since && m.away_since > day)) continue;
    add('mobile');
    const province = blank(m.destination_province) ?? '';
    const city = blank(m.destination_city);
    const checked = grants.some((g) => g.member_id === m.id && new Date(g.granted_at) < asOf && (!g.revoked_at || new Date(g.revoked_at) >= asOf));
    if (city) add(places.has(city.replace(SUFFIX, '')) ? 'withinCounty' : 'outOfCounty');
    if (checked) add('checkedIn');
    if (m.status === 'lost_contact' && (!m.lost_contact_since || m.lost_contact_since <= day)) add('lostContact');
    if (current && (!m.ledger_confirmed_at || new Date(m.ledger_confirmed_at).getTime() < NOW.getTime() - STALE_AFTER_DAYS * 86_400_000)) add('ledgerStale');
    const age = m.birth_date ? fullYears(m.birth_date, day) : null;
    add(`age:${age === null ? 'unknown' : age <= 35 ? '18-35' : age <= 45 ? '36-45' : age <= 55 ? '46-55' : '56+'}`);
    add(`gender:${m.gender ?? 'unknown'}`);
    add(`education:${m.education ?? 'unknown'}`);
    add(`occupation:${blank(m.occupation) ?? 'unknown'}`);
    const years = m.away_since ? fullYears(m.away_since, day) : null;
    add(`away:${years === null ? 'unknown' : years < 1 ? '0-1' : years < 3 ? '1-3' : years < 5 ? '3-5' : '5+'}`);
    add(`awayReason:${m.away_reason ?? 'unknown'}`);
    if (city) add(`place:${province}|${city}`);
    if (city && checked) add(`placeCheckedIn:${province}|${city}`);
    if (blank(m.employer)) add(`employer:${province}|${city ?? ''}|${blank(m.employer)}`);
  }
  return figures;
}

async function stored(orgId: string, month: string): Promise<Record<string, number>> {
  const found = await rows<{ figure: string; value: number }>(sql`select figure, value from roster.rollups where tenant_id = ${TENANT} and org_id = ${orgId} and month = ${month}`);
  return Object.fromEntries(found.map((r) => [r.figure, Number(r.value)]));
}

describe("roster's rollups on the seeded county", () => {
  const subjects = () => {
    const root = orgs.find((o) => o.parent_id === null)!;
    const township = orgs.find((o) => o.kind === 'township')!;
    // The branch with the most members away: the families have something to count.
    const branchOf = (m: Member) => m.org_path.split('/').filter(Boolean).at(-1);
    const counts = new Map<string, number>();
    for (const m of members) if (m.status !== 'resident') counts.set(branchOf(m)!, (counts.get(branchOf(m)!) ?? 0) + 1);
    const branch = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    return [['county', root.id], ['township', township.id], ['branch', branch]] as const;
  };

  for (const month of [CURRENT, PAST]) {
    it(`every figure of the county, a township and a branch for ${month} equals the raw rows' count`, async () => {
      for (const [, orgId] of subjects()) {
        const want = expected(orgId, month);
        expect(want.members).toBeGreaterThan(0);
        expect(await stored(orgId, month)).toEqual(want);
      }
    });
  }

  it('the county has every roster figure this month, and June differs where the dates say so', async () => {
    const [[, county]] = subjects();
    const now = await stored(county, CURRENT);
    const names = new Set(Object.keys(now).map((f) => f.split(':')[0]));
    for (const figure of ROLLUP_FIGURES.roster) expect(names, figure).toContain(figure);
    const june = await stored(county, PAST);
    // The check-in ended in September counts in June, the one from August does not; the member away since September is not away in June.
    expect(june.checkedIn).toBe(2);
    expect(now.checkedIn).toBe(2);
    expect(june.mobile).toBe(now.mobile! - 1);
    expect(now.ledgerStale).toBe(1);
    expect(june.ledgerStale).toBeUndefined();
    expect(now.withinCounty).toBe(1);
    expect(now.lostContact).toBe(1);
    expect(june.lostContact).toBeUndefined();
  });

  it('the seeded county has 学历 and reasons for leaving in several bands, not all unknown', async () => {
    const [[, county]] = subjects();
    const now = await stored(county, CURRENT);
    const band = (family: string) => Object.keys(now).filter((f) => f.startsWith(`${family}:`) && f !== `${family}:unknown`);
    expect(band('education').length).toBeGreaterThanOrEqual(4);
    expect(band('awayReason').length).toBeGreaterThanOrEqual(3);
    expect(now['education:unknown'] ?? 0).toBeLessThan(now.mobile! / 4);
    expect(now['awayReason:unknown'] ?? 0).toBeLessThan(now.mobile! / 4);
  });
});
