import { AWAY_REASONS, birthDateOf, checkIdCard, EDUCATION_LEVELS, genderOf, STALE_AFTER_DAYS } from '@tongxin/ledger';
import type { Database } from '@tongxin/db';
import { createTestDatabase } from '@tongxin/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceMigrations } from '../services.ts';
import { benchmarkCounty, YONGXING } from './county-plan.ts';
import { backfillCopies, backfillSeats } from './seed-copies.ts';
import { seedCounty } from './seed-county.ts';

const NOW = new Date('2026-11-02T01:00:00Z');
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase(serviceMigrations);
  await seedCounty(database, YONGXING, () => undefined, NOW);
});
afterAll(() => database.close());

const rows = async (query: ReturnType<typeof sql>) => (await database.owner.execute(query)).rows as Record<string, any>[];
const yx = YONGXING.tenantId;

describe('the Yongxing demo county', () => {
  it('every member has a valid, unique ID-card number that agrees with their gender and birth date', async () => {
    const members = await rows(sql`select id_card_number as id, gender, birth_date::text as birth, joined_on::text as joined from roster.members where tenant_id = ${yx}`);
    expect(members.length).toBeGreaterThanOrEqual(YONGXING.members);
    expect(members.filter((m) => checkIdCard(m.id) !== null)).toEqual([]);
    expect(new Set(members.map((m) => m.id)).size).toBe(members.length);
    expect(members.filter((m) => genderOf(m.id) !== m.gender || birthDateOf(m.id) !== m.birth)).toEqual([]);
    expect(members.filter((m) => !m.joined || m.joined <= m.birth)).toEqual([]);
    expect(members.every((m) => m.id.startsWith('431023'))).toBe(true);
  });

  it('mobile members have their ledgers; some are stale, a few lost contact with a reason', async () => {
    const [counts] = await rows(sql`
      select count(*) filter (where status = 'mobile')::int as mobile,
             count(*) filter (where status = 'lost_contact')::int as lost,
             count(*) filter (where status = 'lost_contact' and lost_contact_since is not null and lost_contact_reason between 1 and 7)::int as lost_registered,
             count(*) filter (where status = 'mobile' and ledger_confirmed_at < ${new Date(NOW.getTime() - STALE_AFTER_DAYS * 86_400_000).toISOString()}::timestamptz)::int as stale,
             count(*) filter (where status in ('mobile', 'lost_contact') and (destination_city is null or employer is null or occupation is null
               or residential_address is null or destination_phone is null or destination_province is null or away_since is null))::int as incomplete
      from roster.members where tenant_id = ${yx}`);
    expect(counts!.mobile).toBeGreaterThan(60);
    expect(counts!.stale).toBeGreaterThan(5);
    expect(counts!.stale).toBeLessThan(counts!.mobile / 2);
    expect(counts!.lost).toBeGreaterThan(0);
    expect(counts!.lost_registered).toBe(counts!.lost);
    expect(counts!.incomplete).toBe(0);
  });

  it('members have 学历 in every band, mobile ones a reason for leaving, a few of either not recorded; residents none', async () => {
    const members = await rows(sql`select status, education, away_reason from roster.members where tenant_id = ${yx}`);
    const away = members.filter((m) => m.status === 'mobile' || m.status === 'lost_contact');
    expect(new Set(members.map((m) => m.education))).toEqual(new Set([...EDUCATION_LEVELS, null]));
    expect(new Set(away.map((m) => m.away_reason))).toEqual(new Set([...AWAY_REASONS, null]));
    expect(members.filter((m) => m.education === null).length).toBeLessThan(members.length / 10);
    expect(away.filter((m) => m.away_reason === null).length).toBeLessThan(away.length / 10);
    expect(members.filter((m) => m.status === 'resident' && m.away_reason !== null)).toEqual([]);
  });

  it('every member has version 1 of their record', async () => {
    const [result] = await rows(sql`
      select (select count(*)::int from roster.members where tenant_id = ${yx}) as members,
             (select count(*)::int from roster.member_versions where tenant_id = ${yx} and version = 1 and action = 'created') as versions`);
    expect(result!.versions).toBe(result!.members);
  });

  it('the tree: mobile-member branches in some villages, flow organizations under a township, seated in a city, in the directory', async () => {
    const orgs = await rows(sql`
      select o.kind, o.name, o.city, o.province, p.name as parent from roster.orgs o left join roster.orgs p on p.tenant_id = o.tenant_id and p.id = o.parent_id
      where o.tenant_id = ${yx}`);
    const villages = orgs.filter((o) => o.kind === 'branch').length;
    const mobileBranches = orgs.filter((o) => o.kind === 'mobile_branch').length;
    expect(mobileBranches).toBeGreaterThan(0);
    expect(mobileBranches).toBeLessThan(villages);
    expect(orgs.find((o) => o.kind === 'flow_general')).toMatchObject({ parent: '马田镇党委', city: '深圳', province: '广东省' });
    expect(orgs.find((o) => o.name === '永兴县驻福州流动党员党支部')).toMatchObject({ parent: '黄草镇党委', city: '福州' });
    const directory = await rows(sql`select kind from roster.org_directory where tenant_id = ${yx}`);
    expect(directory.map((d) => d.kind).sort()).toEqual(['department', 'flow_branch', 'flow_branch', 'flow_branch', 'flow_branch', 'flow_general']);
  });

  it('the demo accounts keep their names and places: 李明 is a mobile member of 涌水村流动党员党支部 in 马田镇, in 深圳', async () => {
    const [liming] = await rows(sql`
      select m.name, m.status, m.destination_city as city, b.name as branch, t.name as township, m.id_card_number as id
      from roster.members m join roster.orgs b on b.id = m.branch_id join roster.orgs t on t.id = b.parent_id
      where m.tenant_id = ${yx} and m.name = '李明' and m.user_id is not null`);
    expect(liming).toMatchObject({ status: 'mobile', city: '深圳', branch: '涌水村流动党员党支部', township: '马田镇党委' });
    expect(checkIdCard(liming!.id)).toBeNull();
  });
});

describe('a benchmark county', () => {
  it('10,000 members seed in bulk, quickly, with the same realism', async () => {
    const started = performance.now();
    await seedCounty(database, benchmarkCounty(10_000), () => undefined, NOW);
    const seconds = (performance.now() - started) / 1000;
    const [result] = await rows(sql`
      select count(*)::int as members, count(distinct id_card_number)::int as ids,
             count(*) filter (where status = 'mobile')::int as mobile
      from roster.members where tenant_id = 'bench10000'`);
    expect(result).toMatchObject({ members: 10_001, ids: 10_001 });
    expect(result!.mobile).toBeGreaterThan(2000);
    expect(seconds).toBeLessThan(60);
    console.log(`benchmark county of 10,000 members seeded in ${seconds.toFixed(1)} s (${database.kind})`);
  });
});

describe('the copies tasks and scoring keep', () => {
  const counts = async () =>
    (await rows(sql`select (select count(*)::int from tasks.orgs where tenant_id = ${yx}) as task_orgs,
      (select count(*)::int from scoring.members where tenant_id = ${yx}) as scoring_members,
      (select count(*)::int from roster.orgs where tenant_id = ${yx}) as orgs,
      (select count(*)::int from roster.members where tenant_id = ${yx}) as members`))[0]!;

  it('are seeded with the county, and a database from before them is backfilled once at start', async () => {
    const seeded = await counts();
    expect(seeded.task_orgs).toBe(seeded.orgs);
    expect(seeded.scoring_members).toBe(seeded.members);
    expect(await backfillCopies(database)).toEqual([]);

    // As a database migrated from before issue 7 finds them: empty.
    await database.owner.execute(sql`truncate tasks.orgs, tasks.members, scoring.orgs, scoring.members`);
    expect(await backfillCopies(database)).toContain(yx);
    expect(await counts()).toEqual(seeded);
    expect(await backfillCopies(database)).toEqual([]);
  });
});

describe('the seats copies the deciding services keep (issue 13 C)', () => {
  const seats = async () =>
    (await rows(sql`select (select count(*)::int from identity.role_assignments where tenant_id = ${yx} and role = 'secretary') as seats,
      (select count(*)::int from roster.seats where tenant_id = ${yx}) as roster, (select count(*)::int from reporting.seats where tenant_id = ${yx}) as reporting,
      (select count(*)::int from tasks.seats where tenant_id = ${yx}) as tasks, (select count(*)::int from scoring.seats where tenant_id = ${yx}) as scoring`))[0]!;

  it('hold every secretary seat of the seeded county, and a database from before them is backfilled once at start', async () => {
    const seeded = await seats();
    expect(seeded.seats).toBeGreaterThan(0);
    expect(seeded).toEqual({ seats: seeded.seats, roster: seeded.seats, reporting: seeded.seats, tasks: seeded.seats, scoring: seeded.seats });
    expect(await backfillSeats(database)).toEqual([]);
    await database.owner.execute(sql`truncate roster.seats, reporting.seats, tasks.seats, scoring.seats`);
    expect(await backfillSeats(database)).toContain(yx);
    expect(await seats()).toEqual(seeded);
    expect(await backfillSeats(database)).toEqual([]);
  });
});
