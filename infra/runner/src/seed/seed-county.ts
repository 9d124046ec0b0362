import { hashPassword, identitySchema } from '@tongxin/identity';
import { rosterSchema } from '@tongxin/roster';
import type { Database } from '@tongxin/db';
import type { CountyPlan } from './county-plan.ts';
import { DEMO_PASSWORD, type DemoAccount } from './demo-accounts.ts';
import { createRandom, DESTINATIONS, EMPLOYERS, OCCUPATIONS, personName, phoneNumber } from './names.ts';

type Org = typeof rosterSchema.orgs.$inferInsert & { id: string; path: string };
type Member = typeof rosterSchema.members.$inferInsert;

const CHUNK = 500;

/**
 * Writes one county as the owner (seeding is not request code): the org tree, members with
 * ledgers, and the county's demo accounts. `progress` is called as members are written.
 */
export async function seedCounty(database: Database, plan: CountyPlan, progress: (done: number, total: number) => void): Promise<'seeded' | 'exists'> {
  const db = database.owner;
  const { orgs, villageBranches, mobileBranches, flowBranches } = planOrgs(plan);
  const created = await db
    .insert(identitySchema.tenants)
    .values({ id: plan.tenantId, name: plan.name, kind: 'county', cityId: plan.cityId })
    .onConflictDoNothing()
    .returning({ id: identitySchema.tenants.id });
  if (created.length === 0) return 'exists';
  for (let i = 0; i < orgs.length; i += CHUNK) await db.insert(rosterSchema.orgs).values(orgs.slice(i, i + CHUNK));

  const random = createRandom(plan.seed);
  const byName = new Map(orgs.map((o) => [o.name, o]));
  const members: Member[] = [];
  for (let i = 0; i < plan.members; i++) {
    const roll = random.next();
    const village = random.pick(villageBranches);
    const mobile = roll < 0.25;
    const city = random.pick(DESTINATIONS);
    const branch = !mobile ? village : roll < 0.04 ? random.pick(flowBranches) : (mobileBranches.get(village.id) ?? village);
    members.push({
      tenantId: plan.tenantId,
      name: personName(random),
      branchId: branch.id,
      orgPath: branch.path,
      status: mobile ? (roll < 0.005 ? 'lost_contact' : 'mobile') : 'resident',
      destinationCity: mobile ? city : null,
      employer: mobile ? random.pick(EMPLOYERS[city]!) : null,
      occupation: mobile ? random.pick(OCCUPATIONS) : null,
      phone: phoneNumber(random),
    });
  }
  for (let i = 0; i < members.length; i += CHUNK) {
    await db.insert(rosterSchema.members).values(members.slice(i, i + CHUNK));
    progress(Math.min(i + CHUNK, members.length), members.length);
  }
  for (const account of plan.accounts) await seedAccount(database, account, byName);
  return 'seeded';
}

async function seedAccount(database: Database, account: DemoAccount, orgsByName: Map<string, Org>) {
  const db = database.owner;
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
    await db.insert(rosterSchema.members).values({
      tenantId: account.tenantId,
      userId,
      name: account.name,
      branchId: org!.id,
      orgPath: org!.path,
      status: account.role === 'member' ? 'mobile' : 'resident',
      destinationCity: account.role === 'member' ? '深圳' : null,
      employer: account.role === 'member' ? '深圳市宏达家具有限公司' : null,
      occupation: account.role === 'member' ? '家具工' : null,
      phone: account.username,
    });
  }
}

function planOrgs(plan: CountyPlan) {
  const orgs: Org[] = [];
  const add = (parent: Org | null, kind: Org['kind'], name: string, city: string | null = null, place: string | null = null): Org => {
    const id = crypto.randomUUID();
    const org: Org = { tenantId: plan.tenantId, id, parentId: parent?.id ?? null, kind, name, city, place, path: `${parent?.path ?? '/'}${id}/` };
    orgs.push(org);
    return org;
  };
  const department = add(null, 'department', plan.department);
  const villageBranches: Org[] = [];
  const mobileBranches = new Map<string, Org>();
  for (const township of plan.townships) {
    const committee = add(department, 'township', `${township.name}党委`, null, township.name);
    township.villages.forEach((village, i) => {
      const branch = add(committee, 'branch', `${village}党支部`);
      villageBranches.push(branch);
      // Brief: members away over 6 months sit in the village's mobile-member branch; not every village has one yet.
      if (i % 2 === 0) mobileBranches.set(branch.id, add(committee, 'mobile_branch', `${village}流动党员党支部`));
    });
  }
  const general = add(department, 'flow_general', plan.flowGeneral);
  const flowBranches = plan.flowBranches.map((f) => add(general, 'flow_branch', f.name, f.city));
  return { orgs, villageBranches, mobileBranches, flowBranches };
}
