import type { RoleGrant } from '@tongxin/auth';
import type { Database } from '@tongxin/db';
import { idTailDigest } from '@tongxin/ledger';
import { generateMasterKey, type MessagingDeps, type OutboundSms } from '@tongxin/sms';
import { createServiceApp, router } from '@tongxin/trpc';
import type { TRPCRouterRecord } from '@trpc/server';
import { authRouter } from '../auth/auth-router.ts';
import { hashPassword } from '../passwords/password-hash.ts';
import { credentials, orgs, people, roleAssignments, users } from '../schema.ts';
import { PASSWORD } from './identity-fixture.ts';

/**
 * The identity app with `auth` (refresh reads the grants these routers change) and the
 * routers under test, under the names the identity router gives them, so tests call them
 * as clients will.
 */
export function onboardingApp(routers: TRPCRouterRecord) {
  return createServiceApp('identity', router({ auth: authRouter, ...routers }));
}

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/**
 * 永兴 (yx): county → department → two townships (A with two branches and a flow branch,
 * B with one branch). 汝城 (rc): county → department → one branch. As roster's org copy has them.
 */
export const YX = {
  county: id(101),
  department: id(102),
  townA: id(110),
  branchA1: id(111),
  branchA2: id(112),
  flowA: id(113),
  townB: id(120),
  branchB1: id(121),
};
export const RC = { county: id(201), department: id(202), branch: id(211) };

const TREE: { tenantId: string; orgId: string; parentId: string | null; kind: string; name: string }[] = [
  { tenantId: 'yx', orgId: YX.county, parentId: null, kind: 'county', name: '中共永兴县委' },
  { tenantId: 'yx', orgId: YX.department, parentId: YX.county, kind: 'department', name: '永兴县委组织部' },
  { tenantId: 'yx', orgId: YX.townA, parentId: YX.department, kind: 'township', name: '太和镇党委' },
  { tenantId: 'yx', orgId: YX.branchA1, parentId: YX.townA, kind: 'branch', name: '太和村党支部' },
  { tenantId: 'yx', orgId: YX.branchA2, parentId: YX.townA, kind: 'branch', name: '油榨村党支部' },
  { tenantId: 'yx', orgId: YX.flowA, parentId: YX.townA, kind: 'flow_branch', name: '太和镇驻深圳流动党支部' },
  { tenantId: 'yx', orgId: YX.townB, parentId: YX.department, kind: 'township', name: '马田镇党委' },
  { tenantId: 'yx', orgId: YX.branchB1, parentId: YX.townB, kind: 'branch', name: '马田村党支部' },
  { tenantId: 'rc', orgId: RC.county, parentId: null, kind: 'county', name: '中共汝城县委' },
  { tenantId: 'rc', orgId: RC.department, parentId: RC.county, kind: 'department', name: '汝城县委组织部' },
  { tenantId: 'rc', orgId: RC.branch, parentId: RC.department, kind: 'branch', name: '热水村党支部' },
];

const paths = new Map<string, string>();
for (const org of TREE) paths.set(org.orgId, `${org.parentId ? paths.get(org.parentId) : '/'}${org.orgId}/`);

/** An org's materialized path in the fixture tree. */
export const pathOf = (orgId: string) => paths.get(orgId)!;

/** Identity's copy of roster's orgs for both counties (written as the owner, as the event consumer would). */
export async function seedTree(database: Database) {
  await database.owner.insert(orgs).values(TREE.map((o) => ({ tenantId: o.tenantId, orgId: o.orgId, kind: o.kind, name: o.name, path: pathOf(o.orgId), city: null })));
}

export interface PersonSeed {
  name: string;
  branchId: string;
  phone?: string | null;
  idCardNumber?: string | null;
  status?: string;
  userId?: string | null;
}

/** A member as identity's `people` copy holds them (the ID number only as its tail's digest). */
export async function addPerson(database: Database, tenantId: string, seed: PersonSeed): Promise<string> {
  const memberId = crypto.randomUUID();
  await database.owner.insert(people).values({
    tenantId,
    memberId,
    userId: seed.userId ?? null,
    name: seed.name,
    phone: seed.phone === undefined ? null : seed.phone,
    idTailDigest: idTailDigest(memberId, seed.idCardNumber ?? null),
    branchId: seed.branchId,
    orgPath: pathOf(seed.branchId),
    status: seed.status ?? 'resident',
  });
  return memberId;
}

/** A user with the fixture password and grants (a secretary, department staff, a member). */
export async function addUser(database: Database, tenantId: string, username: string, name: string, grants: RoleGrant[]): Promise<string> {
  const db = database.owner;
  const [user] = await db.insert(users).values({ tenantId, username, displayName: name }).returning({ id: users.id });
  await db.insert(credentials).values({ tenantId, userId: user!.id, passwordHash: await hashPassword(PASSWORD) });
  for (const grant of grants) {
    await db.insert(roleAssignments).values({ tenantId, userId: user!.id, role: grant.role, orgId: 'orgId' in grant ? grant.orgId : null });
  }
  return user!.id;
}

/** A channel that keeps what it was given, in place of the development message log. */
export function recordingChannel(): { sent: OutboundSms[]; messages: MessagingDeps } {
  const sent: OutboundSms[] = [];
  const messages: MessagingDeps = {
    masterKey: generateMasterKey(),
    development: {
      async send(message) {
        sent.push(message);
        return { provider: 'development', status: 'sent' };
      },
    },
  };
  return { sent, messages };
}
