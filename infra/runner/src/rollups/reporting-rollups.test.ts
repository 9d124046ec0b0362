import type { RoleGrant } from '@tongxin/auth';
import { tenantTransaction } from '@tongxin/db';
import { chinaYear, monthRange, yearRange } from '@tongxin/calendar';
import { reportingRollups } from '@tongxin/reporting';
import { rebuildRollups, refreshRollups } from '@tongxin/rollups';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatformApp } from '../platform-app.ts';
import { RUCHENG } from '../seed/county-plan.ts';
import { seedCounty } from '../seed/seed-county.ts';
import { seedYearHistory } from '../seed/seed-history.ts';
import { seedDemoReports } from '../seed/seed-reporting.ts';
import { serviceMigrations } from '../services.ts';

// Issue 15: reporting's rollups equal the same figures counted straight from the raw tables,
// on the demo county (a year of reports, the Spring Festival meetings, last month's reports)
// plus this month's meetings and attendance written through the procedures and check-ins to
// its flow branches (one from another county, one ended).
const T = RUCHENG.tenantId;
const NOW = new Date('2026-11-20T04:00:00Z');
const CURRENT = '2026-11';
const MONTHS = ['2026-02', '2026-10', CURRENT];
let h: ServiceHarness;
const rows = async <R = Record<string, any>>(query: ReturnType<typeof sql>) => (await h.database.system.execute(query)).rows as R[];
const orgId = async (name: string) => (await rows<{ id: string }>(sql`select id from roster.orgs where tenant_id = ${T} and name = ${name}`))[0]!.id;
const department = { tenantId: T, userId: 'dep-rollups', roles: [{ role: 'department' }] as RoleGrant[] };
let org: { county: string; township: string; branch: string; flow: string };

beforeAll(async () => {
  h = await createServiceHarness(createPlatformApp(), serviceMigrations);
  await seedCounty(h.database, RUCHENG, () => undefined, NOW);
  await seedYearHistory(h.database, T, NOW);
  await seedDemoReports(h.database, T, NOW);
  const branches = await rows<{ id: string; path: string }>(sql`
    select o.id, o.path from roster.orgs o where o.tenant_id = ${T} and o.kind in ('branch', 'mobile_branch')
      and exists (select 1 from reporting.members m where m.tenant_id = o.tenant_id and m.org_path = o.path) order by o.path`);
  const flow = await orgId('汝城县驻广州流动党员党支部');
  const [root] = await rows<{ id: string }>(sql`select id from roster.orgs where tenant_id = ${T} and parent_id is null`);
  org = { county: root!.id, township: await orgId('热水镇党委'), branch: branches[0]!.id, flow };

  // This month's organizational life, through the procedures: a themed party day and a branch
  // committee at one branch (green), a themed party day only at another (amber), one cancelled.
  h.clock.now = new Date('2026-11-03T01:00:00Z');
  const schedule = async (branch: string, kind: string, day: string, key: string) => {
    const { data, error } = await h.mutate('/api/reporting/trpc/meetings.schedule', {
      as: department,
      input: { orgId: branch, kind, title: `${kind} ${day}`, mode: 'in_person', location: '村党员活动室', startsAt: `2026-11-${day}T09:00:00+08:00`, endsAt: `2026-11-${day}T11:00:00+08:00`, idempotencyKey: `rollups-${key}` },
    });
    expect(error).toBeNull();
    return data.meetingId as string;
  };
  const themed = await schedule(branches[0]!.id, 'themed_party_day', '05', 'a');
  await schedule(branches[0]!.id, 'branch_committee', '06', 'b');
  await schedule(branches[1]!.id, 'themed_party_day', '07', 'c');
  const cancelled = await schedule(branches[2]!.id, 'party_lecture', '08', 'd');
  expect((await h.mutate('/api/reporting/trpc/meetings.cancel', { as: department, input: { meetingId: cancelled } })).error).toBeNull();
  // A meeting still to come this month has not been held.
  await schedule(branches[2]!.id, 'themed_party_day', '28', 'e');
  h.clock.now = NOW;
  const present = await rows<{ member_id: string }>(sql`select member_id from reporting.members where tenant_id = ${T} and org_path = ${branches[0]!.path} order by member_id limit 3`);
  const recorded = await h.mutate('/api/reporting/trpc/meetings.recordAttendance', {
    as: department, input: { meetingId: themed, entries: present.map((m) => ({ memberId: m.member_id, attendance: 'in_person' })) },
  });
  expect(recorded.error).toBeNull();

  // Check-ins to the Guangzhou flow branch: accepted in October (one of Yongxing's members too), one ended this month, one pending.
  const flowPath = (await rows<{ path: string }>(sql`select path from roster.orgs where id = ${flow}`))[0]!.path;
  const mobile = await rows<{ member_id: string; org_path: string }>(sql`select member_id, org_path from reporting.members where tenant_id = ${T} and status = 'mobile' order by member_id limit 3`);
  const checkin = (tenantId: string, memberId: string, memberPath: string, status: string, decidedAt: string | null, endedAt: string | null) => sql`
    (${tenantId}, ${memberId}::uuid, ${`seed:${memberId}`}, ${memberPath}, ${T}, ${flow}::uuid, ${flowPath}, '汝城县驻广州流动党员党支部', ${status}, array['phone'], ${decidedAt}::timestamptz, ${endedAt}::timestamptz)`;
  await h.database.system.execute(sql`insert into reporting.checkins (tenant_id, member_id, user_id, org_path, dest_tenant_id, dest_org_id, dest_org_path, dest_org_name, status, grant_fields, decided_at, ended_at) values ${sql.join([
    checkin(T, mobile[0]!.member_id, mobile[0]!.org_path, 'accepted', '2026-10-10T02:00:00Z', null),
    checkin(T, mobile[1]!.member_id, mobile[1]!.org_path, 'ended', '2026-10-12T02:00:00Z', '2026-11-10T02:00:00Z'),
    checkin(T, mobile[2]!.member_id, mobile[2]!.org_path, 'pending', null, null),
    checkin('431023', crypto.randomUUID(), '/elsewhere/', 'accepted', '2026-10-15T02:00:00Z', null),
  ], sql`, `)}`);

  await rebuildRollups(h.database.system, reportingRollups, T, MONTHS, () => NOW);
}, 120_000);
afterAll(() => h?.close());

type Figures = Record<string, number>;

/** The figures of `orgId`'s subtree for `month`, counted in TypeScript from the raw tables (not from the leaves' SQL). */
async function direct(subtree: string, month: string): Promise<Figures> {
  const { start, end } = monthRange(month);
  const current = month === CURRENT;
  const by = (at: Date | string | null) => at !== null && (current ? new Date(at) <= NOW : new Date(at) < end);
  const under = (path: string) => path.includes(`/${subtree}/`);
  const members = (await rows<{ member_id: string; org_path: string; status: string }>(sql`select member_id, org_path, status from reporting.members where tenant_id = ${T}`)).filter((m) => under(m.org_path));
  const reports = new Map((await rows<{ member_id: string; acknowledged_at: string | null }>(sql`select member_id, acknowledged_at from reporting.monthly_reports where tenant_id = ${T} and period = ${month}`)).map((r) => [r.member_id, r]));
  const meetings = (await rows<{ org_path: string; kind: string; starts_at: Date; cancelled_at: Date | null }>(sql`select org_path, kind, starts_at, cancelled_at from reporting.meetings where tenant_id = ${T}`))
    .filter((m) => !m.cancelled_at && new Date(m.starts_at) >= start && by(m.starts_at));
  const inPerson = new Set((await rows<{ member_id: string; starts_at: Date }>(sql`select a.member_id, mt.starts_at from reporting.attendance a join reporting.meetings mt on mt.tenant_id = a.tenant_id and mt.id = a.meeting_id
      where a.tenant_id = ${T} and a.attendance = 'in_person' and mt.cancelled_at is null`))
    .filter((a) => new Date(a.starts_at) >= yearRange(chinaYear(start)).start && by(a.starts_at)).map((a) => a.member_id));
  const checkins = (await rows<{ dest_org_path: string; status: string; decided_at: Date | null; ended_at: Date | null }>(sql`select dest_org_path, status, decided_at, ended_at from reporting.checkins where dest_tenant_id = ${T}`))
    .filter((c) => ['accepted', 'ended'].includes(c.status) && by(c.decided_at) && !by(c.ended_at));

  const due = members.filter((m) => m.status === 'mobile' || m.status === 'lost_contact');
  const living = members.filter((m) => m.status !== 'transferred_out');
  const branchPaths = new Set([...living.map((m) => m.org_path), ...checkins.map((c) => c.dest_org_path)].filter(under));
  const states = [...branchPaths].map((path) => {
    const held = meetings.filter((m) => m.org_path === path);
    const themed = held.some((m) => m.kind === 'themed_party_day');
    const three = held.some((m) => ['members_meeting', 'branch_committee', 'party_group', 'party_lecture'].includes(m.kind));
    return themed && three ? 'branchesGreen' : held.length > 0 ? 'branchesAmber' : 'branchesRed';
  });
  const figures: Figures = {
    reportsDue: due.length,
    reportsSubmitted: due.filter((m) => reports.has(m.member_id)).length,
    reportsAcknowledged: due.filter((m) => reports.get(m.member_id)?.acknowledged_at).length,
    meetingsHeld: meetings.filter((m) => under(m.org_path)).length,
    branchesGreen: states.filter((s) => s === 'branchesGreen').length,
    branchesAmber: states.filter((s) => s === 'branchesAmber').length,
    branchesRed: states.filter((s) => s === 'branchesRed').length,
    noInPersonThisYear: living.filter((m) => !inPerson.has(m.member_id)).length,
    checkedInHere: checkins.filter((c) => under(c.dest_org_path)).length,
  };
  return Object.fromEntries(Object.entries(figures).filter(([, n]) => n !== 0));
}

async function rolledUp(subtree: string, month: string): Promise<Figures> {
  const found = await rows<{ figure: string; value: number }>(sql`select figure, value from reporting.rollups where tenant_id = ${T} and org_id = ${subtree} and month = ${month}`);
  return Object.fromEntries(found.map((r) => [r.figure, Number(r.value)]));
}

describe("reporting's rollups on the demo county", () => {
  it('every figure of the county, a township, a branch and a flow branch equals the raw tables’ count, this month and two past ones', async () => {
    for (const month of MONTHS) {
      for (const [name, id] of Object.entries(org)) {
        expect({ name, month, figures: await rolledUp(id, month) }).toEqual({ name, month, figures: await direct(id, month) });
      }
    }
    // The data is there to be counted: the rules were exercised, not only zeros compared.
    const county = await rolledUp(org.county, CURRENT);
    expect(county).toMatchObject({ branchesGreen: 1, branchesAmber: 1, meetingsHeld: 3, checkedInHere: 2 });
    expect(await rolledUp(org.county, '2026-10')).toMatchObject({ checkedInHere: 3, reportsSubmitted: expect.any(Number), reportsAcknowledged: expect.any(Number) });
    expect((await rolledUp(org.county, '2026-02')).branchesAmber).toBeGreaterThan(0);
  });

  it("the reporting rate's own answer agrees with reportsDue and reportsSubmitted", async () => {
    const { data } = await h.query('/api/reporting/trpc/monthlyReports.rate', { as: department, input: { period: '2026-10' } });
    const county = await rolledUp(org.county, '2026-10');
    expect({ required: data.total.required, reported: data.total.reported }).toEqual({ required: county.reportsDue, reported: county.reportsSubmitted });
  });

  it('an acknowledgement through the procedure marks its month, and the refresh then shows it', async () => {
    const [report] = await rows<{ id: string }>(sql`select r.id from reporting.monthly_reports r join reporting.members m on m.tenant_id = r.tenant_id and m.member_id = r.member_id
      where r.tenant_id = ${T} and r.period = '2026-10' and r.acknowledged_at is null and m.status in ('mobile', 'lost_contact') limit 1`);
    const before = await rolledUp(org.county, '2026-10');
    await h.database.system.execute(sql`delete from reporting.rollup_marks`);
    expect((await h.mutate('/api/reporting/trpc/monthlyReports.acknowledge', { as: department, input: { reportId: report!.id } })).error).toBeNull();
    expect((await rows(sql`select month from reporting.rollup_marks where tenant_id = ${T} order by month`)).map((r) => r.month)).toContain('2026-10');
    expect(await refreshRollups(h.database.system, reportingRollups, () => NOW)).toBeGreaterThan(0);
    expect(await rolledUp(org.county, '2026-10')).toEqual({ ...before, reportsAcknowledged: (before.reportsAcknowledged ?? 0) + 1 });
    expect(await rolledUp(org.county, '2026-10')).toEqual(await direct(org.county, '2026-10'));
  });

  it("a check-in's end by the member's county marks the destination county's month", async () => {
    await h.database.system.execute(sql`delete from reporting.rollup_marks`);
    // As the member's county's own transaction: rollup_marks would refuse it a mark of another county's.
    await tenantTransaction(h.database, { tenantId: '431023', tenantWide: true, userId: 'dep-yx' }, (tx) =>
      tx.execute(sql`update reporting.checkins set status = 'ended', ended_at = ${NOW} where tenant_id = '431023' and dest_tenant_id = ${T}`));
    const marks = await rows<{ tenant_id: string }>(sql`select distinct tenant_id from reporting.rollup_marks`);
    expect(marks.map((m) => m.tenant_id)).toEqual([T]);
    await refreshRollups(h.database.system, reportingRollups, () => NOW);
    expect(await rolledUp(org.flow, CURRENT)).toEqual(await direct(org.flow, CURRENT));
  });
});
