import { giveCityGrant, hashPassword, identitySchema } from '@tongxin/identity';
import { and, eq, ne } from 'drizzle-orm';
import { chinaDate, chinaMonth, dateStart, monthsEndingWith } from '@tongxin/calendar';
import { tenantTransaction, type Database } from '@tongxin/db';
import { markAllMonths, rebuildAllRollups } from '../rollups/rollup-specs.ts';
import { CHENZHOU, RUCHENG, YONGXING, type CountyPlan } from './county-plan.ts';
import { DEMO_ACCOUNTS, DEMO_CITY_ACCOUNT, DEMO_OPERATOR, DEMO_PASSWORD } from './demo-accounts.ts';
import { seedCounty } from './seed-county.ts';
import { seedYearHistory } from './seed-history.ts';
import { seedDemoReports } from './seed-reporting.ts';
import { seedDemoTasks } from './seed-tasks.ts';
import { seedDemoDues } from './seed-dues.ts';

/** True when the database has no county or city yet (a first start; the platform tenant is always there). */
export async function isEmpty(database: Database): Promise<boolean> {
  const rows = await database.system.select({ id: identitySchema.tenants.id }).from(identitySchema.tenants).where(ne(identitySchema.tenants.kind, 'platform')).limit(1);
  return rows.length === 0;
}

/**
 * The start of today in China: the demo's anchor. Every date the seed writes counts from it,
 * so two fresh starts on one day show the same demo, and the demo stays current (last
 * month's reports, tasks due in the coming weeks) on any later day.
 */
export function demoAnchor(at = new Date()): Date {
  return dateStart(chinaDate(at));
}

/** The demo: the city of Chenzhou, Yongxing county (420+ members) and the smaller Rucheng. */
export async function seedDemo(database: Database, log: (line: string) => void, now = demoAnchor()) {
  await database.system.insert(identitySchema.tenants).values({ id: CHENZHOU.id, name: CHENZHOU.name, kind: 'city' }).onConflictDoNothing();
  await seedOperator(database);
  await seedCityAccount(database);
  for (const plan of [YONGXING, RUCHENG]) {
    await seedWithProgress(database, plan, log, now);
    log(`${plan.name}: ${await seedDemoReports(database, plan.tenantId, now)} monthly reports for last month`);
    const [reports, attended] = await seedYearHistory(database, plan.tenantId, now);
    log(`${plan.name}: ${reports} earlier monthly reports this year, ${attended} attendances at the Spring Festival meetings`);
    const tasks = await seedDemoTasks(database, plan.tenantId, now);
    if (tasks > 0) log(`${plan.name}: ${tasks} published tasks`);
    const dues = await seedDemoDues(database, plan, now);
    if (dues > 0) log(`${plan.name}: ${dues} dues payments recorded`);
    // The writes marked their own months; a year of trend needs every month's stock figures too.
    await markAllMonths(database, plan.tenantId, monthsEndingWith(chinaMonth(now), 12));
    // This month's and last month's figures now, before the first page: the refresh goes a
    // month at a time behind the requests on PGlite (requests-first.ts), and a new user's
    // first overview showed a county of 0 members until it came round (journey 03 on a fresh
    // start); last month is the overview's comparison and the first month one picks.
    await rebuildAllRollups(database, plan.tenantId, monthsEndingWith(chinaMonth(now), 2), () => now);
    await giveDemoCityGrant(database, plan, now);
  }
}

/** 郴州市委组织部 (README "Demo accounts"): the city's department, which sees its counties' figures once they grant it. */
async function seedCityAccount(database: Database) {
  const db = database.system;
  const { tenantId, username, name } = DEMO_CITY_ACCOUNT;
  const [user] = await db.insert(identitySchema.users).values({ tenantId, username, displayName: name }).onConflictDoNothing().returning({ id: identitySchema.users.id });
  if (!user) return;
  await db.insert(identitySchema.credentials).values({ tenantId, userId: user.id, passwordHash: await hashPassword(DEMO_PASSWORD) });
  await db.insert(identitySchema.roleAssignments).values({ tenantId, userId: user.id, role: 'department' });
}

/**
 * The county's department grants the city its figures, as its department would in the app
 * (`giveCityGrant`, audited, its event relayed to the services' copies at start).
 */
async function giveDemoCityGrant(database: Database, plan: CountyPlan, now: Date) {
  const department = DEMO_ACCOUNTS.find((a) => a.tenantId === plan.tenantId && a.role === 'department');
  if (!department) return;
  const [user] = await database.system
    .select({ id: identitySchema.users.id })
    .from(identitySchema.users)
    .where(and(eq(identitySchema.users.tenantId, plan.tenantId), eq(identitySchema.users.username, department.username)));
  if (!user) return;
  await tenantTransaction(database, { tenantId: plan.tenantId, userId: user.id, tenantWide: true }, (tx) => giveCityGrant(tx, { tenantId: plan.tenantId, userId: user.id }, now));
}

export async function seedWithProgress(database: Database, plan: CountyPlan, log: (line: string) => void, now = demoAnchor()) {
  const outcome = await seedCounty(database, plan, (done, total) => log(`seeding ${plan.name}: ${done}/${total} members`), now);
  if (outcome === 'exists') log(`${plan.name} (${plan.tenantId}) is already seeded: left as it is`);
}

/** The demo operator (README "Demo accounts"): a production start without the demo prints a setup link instead. */
async function seedOperator(database: Database) {
  const db = database.system;
  const [user] = await db
    .insert(identitySchema.users)
    .values({ tenantId: DEMO_OPERATOR.tenantId, username: DEMO_OPERATOR.username, displayName: DEMO_OPERATOR.name })
    .onConflictDoNothing()
    .returning({ id: identitySchema.users.id });
  if (!user) return;
  await db.insert(identitySchema.credentials).values({ tenantId: DEMO_OPERATOR.tenantId, userId: user.id, passwordHash: await hashPassword(DEMO_PASSWORD) });
  await db.insert(identitySchema.roleAssignments).values({ tenantId: DEMO_OPERATOR.tenantId, userId: user.id, role: 'operator' });
}
