import { recordEvent, type Tx } from '@tongxin/db';
import { TOPICS } from '@tongxin/events';
import { sortOrgs } from '@tongxin/ledger';
import { and, count, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { audit } from '../auth/audit.ts';
import { appointments, orgs, outbox, people, smsSettings, tenants, tenantSetup, type TenantProfile } from '../schema.ts';
import { DomainError } from '@tongxin/errors';

/** The wizard's steps, in order (issue 12, "A county sets itself up"). */
export const SETUP_STEPS = ['profile', 'orgs', 'members', 'secretaries', 'settings', 'accounts', 'live'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

/** Orgs that need a secretary of their own: branches and the committees above them. */
const LED_KINDS = ['township', 'street', 'branch', 'general_branch', 'mobile_branch', 'flow_general', 'flow_branch'];
const BRANCH_KINDS = ['branch', 'general_branch', 'mobile_branch', 'flow_branch'];

/**
 * What is still missing before a county goes live. Blocking: nothing to run (no branch, no
 * member, nobody appointed). Warnings the department may go live with, once acknowledged:
 * orgs without a secretary, members without an account, no SMS provider configured.
 */
export async function setupChecklist(tx: Tx, tenantId: string) {
  const [branchCount] = await tx.select({ n: count() }).from(orgs).where(and(eq(orgs.tenantId, tenantId), inArray(orgs.kind, BRANCH_KINDS), isNull(orgs.closedAt)));
  const withoutSecretary = await tx
    .select({ orgId: orgs.orgId, name: orgs.name, kind: orgs.kind })
    .from(orgs)
    .where(
      and(
        eq(orgs.tenantId, tenantId),
        inArray(orgs.kind, LED_KINDS),
        isNull(orgs.closedAt),
        sql`not exists (select 1 from ${appointments} a where a.tenant_id = ${orgs.tenantId} and a.org_id = ${orgs.orgId} and a.ended_at is null)`,
      ),
    );
  const [members] = await tx
    .select({ all: count(), withoutAccount: sql<number>`count(*) filter (where ${people.userId} is null)`.mapWith(Number) })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), ne(people.status, 'transferred_out')));
  const [secretaries] = await tx.select({ n: count() }).from(appointments).where(and(eq(appointments.tenantId, tenantId), isNull(appointments.endedAt)));
  const [sms] = await tx.select({ id: smsSettings.tenantId }).from(smsSettings).where(eq(smsSettings.tenantId, tenantId));

  const blocking: string[] = [];
  if (!branchCount?.n) blocking.push('NO_BRANCHES');
  if (!members?.all) blocking.push('NO_MEMBERS');
  if (!secretaries?.n) blocking.push('NO_SECRETARIES');
  const warnings: string[] = [];
  if (withoutSecretary.length > 0) warnings.push('ORGS_WITHOUT_SECRETARY');
  if ((members?.withoutAccount ?? 0) > 0) warnings.push('MEMBERS_WITHOUT_ACCOUNT');
  if (!sms) warnings.push('NO_SMS_PROVIDER');
  return {
    branches: branchCount?.n ?? 0,
    // Named in the wizard as in every list of orgs: kind, then pinyin order.
    branchesWithoutSecretary: sortOrgs(withoutSecretary),
    members: members?.all ?? 0,
    membersWithoutAccount: members?.withoutAccount ?? 0,
    secretaries: secretaries?.n ?? 0,
    smsConfigured: Boolean(sms),
    blocking,
    warnings,
  };
}

async function setupRow(tx: Tx, tenantId: string) {
  await tx.insert(tenantSetup).values({ tenantId }).onConflictDoNothing();
  const [row] = await tx.select().from(tenantSetup).where(eq(tenantSetup.tenantId, tenantId));
  return row!;
}

/** The wizard's state: resumed from here whenever the department comes back. */
export async function getSetup(tx: Tx, tenantId: string) {
  const [tenant] = await tx.select({ id: tenants.id, name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId));
  const row = await setupRow(tx, tenantId);
  return {
    tenant: { id: tenant!.id, name: tenant!.name, liveAt: row.liveAt },
    profile: row.profile,
    steps: row.steps,
    checklist: await setupChecklist(tx, tenantId),
  };
}

export async function saveProfile(tx: Tx, tenantId: string, userId: string, profile: TenantProfile, now: Date) {
  await setupRow(tx, tenantId);
  await tx.update(tenantSetup).set({ profile, updatedAt: now }).where(eq(tenantSetup.tenantId, tenantId));
  await markStep(tx, tenantId, userId, 'profile', true, now);
}

export async function markStep(tx: Tx, tenantId: string, userId: string, step: SetupStep, done: boolean, now: Date) {
  const row = await setupRow(tx, tenantId);
  const steps = done ? [...new Set([...row.steps, step])] : row.steps.filter((s) => s !== step);
  await tx.update(tenantSetup).set({ steps, updatedAt: now }).where(eq(tenantSetup.tenantId, tenantId));
  await audit(tx, tenantId, 'setup_changed', now, { actorUserId: userId, detail: { step, done } });
}

/**
 * Marks the county live: refused while something blocks, and while warnings stand
 * unacknowledged. Roster then lists its flow organizations in the cross-county directory
 * (`identity.tenant_live`); going live twice changes nothing.
 */
export async function goLive(tx: Tx, tenantId: string, userId: string, acknowledgeWarnings: boolean, now: Date) {
  const row = await setupRow(tx, tenantId);
  if (row.liveAt) return { liveAt: row.liveAt };
  const checklist = await setupChecklist(tx, tenantId);
  if (checklist.blocking.length > 0) {
    throw new DomainError('not_ready_to_go_live', { params: { items: checklist.blocking.join(', ') }, message: `Not ready to go live: ${checklist.blocking.join(', ')}` });
  }
  if (checklist.warnings.length > 0 && !acknowledgeWarnings) {
    throw new DomainError('acknowledge_first', { params: { items: checklist.warnings.join(', ') }, message: `Acknowledge first: ${checklist.warnings.join(', ')}` });
  }
  await tx.update(tenantSetup).set({ liveAt: now, steps: [...new Set([...row.steps, 'live'])], updatedAt: now }).where(eq(tenantSetup.tenantId, tenantId));
  await recordEvent(tx, outbox, tenantId, TOPICS.identity.tenantLive, { tenantId });
  await audit(tx, tenantId, 'tenant_live', now, { actorUserId: userId, detail: { warnings: checklist.warnings } });
  return { liveAt: now };
}
