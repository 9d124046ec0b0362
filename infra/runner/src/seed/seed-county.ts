import { hashPassword, identitySchema } from '@tongxin/identity';
import { LEDGER_FIELDS, withCheckDigit } from '@tongxin/ledger';
import { rosterSchema } from '@tongxin/roster';
import type { Database } from '@tongxin/db';
import type { CountyPlan } from './county-plan.ts';
import { DEMO_PASSWORD, type DemoAccount } from './demo-accounts.ts';
import { planMembers, versionOne, type Member } from './plan-members.ts';
import { planOrgs, type Org } from './plan-orgs.ts';
import { seededIds } from './seeded-ids.ts';
import { seedCopies, seedIdentityCopies } from './seed-copies.ts';
import { seedReportingMembers } from './seed-reporting.ts';

/** Rows per insert: a member has ~30 columns, and a statement takes at most 65,535 parameters. */
const CHUNK = 1000;

/**
 * Writes one county as the system role (seeding is not request code), in bulk: the org tree and
 * its directory entries, members with ledgers and version 1 of each record, and the
 * county's demo accounts. `progress` is called as members are written.
 */
export async function seedCounty(
  database: Database,
  plan: CountyPlan,
  progress: (done: number, total: number) => void,
  now = new Date(),
): Promise<'seeded' | 'exists'> {
  const db = database.system;
  const { tree, members, nextId } = planCounty(plan, now);
  const created = await db
    .insert(identitySchema.tenants)
    .values({ id: plan.tenantId, name: plan.name, kind: 'county', cityId: plan.cityId })
    .onConflictDoNothing()
    .returning({ id: identitySchema.tenants.id });
  if (created.length === 0) return 'exists';
  for (let i = 0; i < tree.orgs.length; i += CHUNK) await db.insert(rosterSchema.orgs).values(tree.orgs.slice(i, i + CHUNK));
  // Other counties address the department (transfers) and the flow organizations (check-ins).
  const listed = tree.orgs.filter((o) => o.kind === 'department' || o.kind === 'flow_general' || o.kind === 'flow_branch');
  await db.insert(rosterSchema.orgDirectory).values(listed.map((o) => ({ tenantId: o.tenantId, orgId: o.id, kind: o.kind, name: o.name, province: o.province ?? null, city: o.city ?? null, path: o.path })));
  // The demo counties are live: their flow organizations are in the directory (issue 12).
  await db.insert(rosterSchema.countyState).values({ tenantId: plan.tenantId, liveAt: now, createdAt: now })
    .onConflictDoUpdate({ target: rosterSchema.countyState.tenantId, set: { liveAt: now } });

  await insertMembers(database, members, progress);
  const byName = new Map(tree.orgs.map((o) => [o.name, o]));
  for (const account of plan.accounts) await seedAccount(database, plan, account, byName, now, nextId);
  await seedReportingMembers(database, plan.tenantId);
  await seedCopies(database, plan.tenantId);
  await seedIdentityCopies(database, plan.tenantId);
  return 'seeded';
}

/** The county's org tree and members, the same for the same plan and `now` (the ids too: `seededIds`). */
export function planCounty(plan: CountyPlan, now: Date) {
  const nextId = seededIds(plan.seed);
  const tree = planOrgs(plan, nextId);
  return { tree, members: planMembers(plan, tree, now, nextId), nextId };
}

async function insertMembers(database: Database, members: Member[], progress: (done: number, total: number) => void) {
  const db = database.system;
  const chunk = Math.floor(CHUNK / 2);
  for (let i = 0; i < members.length; i += chunk) {
    const slice = members.slice(i, i + chunk);
    await db.insert(rosterSchema.members).values(slice);
    await db.insert(rosterSchema.memberVersions).values(slice.map(versionOne));
    progress(Math.min(i + chunk, members.length), members.length);
  }
}

/** The demo accounts' own records (李明 the mobile member, 曹建国 the branch secretary). */
function accountMember(plan: CountyPlan, account: DemoAccount, org: Org, userId: string, index: number, now: Date, id: string): Member {
  const mobile = account.role === 'member';
  const birth = mobile ? '19880520' : '19700815';
  const confirmed = new Date(now.getTime() - 3 * 86_400_000);
  const createdAt = new Date(now.getTime() - 730 * 86_400_000);
  const base: Member = {
    id,
    tenantId: account.tenantId,
    userId,
    name: account.name,
    gender: 'male',
    birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`,
    // Sequences 901, 903, … are kept for the accounts: odd = male.
    idCardNumber: withCheckDigit(`${plan.regionCode}${birth}${901 + 2 * index}`),
    phone: account.username,
    joinedOn: mobile ? '2012-07-01' : '1995-07-01',
    education: mobile ? 'secondary_vocational' : 'high_school',
    branchId: org.id,
    orgPath: org.path,
    status: mobile ? 'mobile' : 'resident',
    fieldConfirmedAt: {},
    ledgerConfirmedAt: createdAt,
    createdAt,
    updatedAt: confirmed,
  };
  if (!mobile) return base;
  return {
    ...base,
    destinationProvince: '广东省',
    destinationCity: '深圳',
    employer: '深圳市宏达家具有限公司',
    occupation: '家具工',
    residentialAddress: '深圳市龙岗区坂田街道五和大道88号',
    destinationPhone: account.username,
    destinationOrgName: '永兴县驻深圳流动党员党支部',
    destinationOrgLeader: '黄海波',
    destinationOrgContact: '13800000003',
    awaySince: '2023-02-15',
    awayReason: 'work',
    fieldConfirmedAt: Object.fromEntries(LEDGER_FIELDS.map((f) => [f, confirmed.toISOString()])),
    ledgerConfirmedAt: confirmed,
    // Confirmed in last month's report: in touch (the 6-month rule leaves them be).
    lastContactAt: confirmed,
    lastContactSource: 'monthly_report',
  };
}

async function seedAccount(database: Database, plan: CountyPlan, account: DemoAccount, orgsByName: Map<string, Org>, now: Date, nextId: () => string) {
  const db = database.system;
  const org = account.org ? orgsByName.get(account.org) : undefined;
  if (account.org && !org) throw new Error(`demo account ${account.username}: no org named ${account.org}`);
  const [user] = await db
    .insert(identitySchema.users)
    .values({ tenantId: account.tenantId, username: account.username, displayName: account.name })
    .returning({ id: identitySchema.users.id });
  const userId = user!.id;
  await db.insert(identitySchema.credentials).values({ tenantId: account.tenantId, userId, passwordHash: await hashPassword(DEMO_PASSWORD) });
  const grant = (role: 'member' | 'secretary' | 'department', orgId: string | null = null) =>
    db.insert(identitySchema.roleAssignments).values({ tenantId: account.tenantId, userId, role, orgId });
  if (account.role === 'department') return grant('department');
  // Every secretary is a party member too; the member and branch secretary are on the roster.
  if (account.role !== 'member') await grant('secretary', org!.id);
  if (account.role === 'member' || account.role === 'branch-secretary') {
    await grant('member', org!.id);
    const member = accountMember(plan, account, org!, userId, plan.accounts.indexOf(account), now, nextId());
    await db.insert(rosterSchema.members).values(member);
    await db.insert(rosterSchema.memberVersions).values(versionOne(member));
  }
}
