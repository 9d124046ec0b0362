import { addMonths, chinaMonth } from '@tongxin/calendar';
import type { Database } from '@tongxin/db';
import { identitySchema } from '@tongxin/identity';
import { dueForPeriod, lastMonthOf, quarterOfMonth, type DuesBand, type DuesSchedule } from '@tongxin/ledger';
import { rosterSchema } from '@tongxin/roster';
import { and, eq, sql } from 'drizzle-orm';
import type { CountyPlan } from './county-plan.ts';
import { DEMO_ACCOUNTS } from './demo-accounts.ts';
import { seededIds } from './seeded-ids.ts';

/** The branch whose dues the demo keeps: 李明's, so his 我的党费 and the secretary's 党费 page have a record. */
const DUES_BRANCH = '涌水村流动党员党支部';

/**
 * A few months of dues records in one branch of the demo county (issue 17), so the pages are
 * not empty: every member a schedule from three months back (every third one quarterly), the
 * months before this one paid at home on the 10th and received by the branch secretary,
 * except every fourth member's last month (arrears). This month stays unpaid: journey 33
 * records it. Ids come from a stream of their own (`seededIds`), dates from `now` (the
 * demo's anchor), so two fresh starts on one day write the same rows.
 */
export async function seedDemoDues(database: Database, plan: CountyPlan, now: Date): Promise<number> {
  const db = database.system;
  const secretary = DEMO_ACCOUNTS.find((a) => a.tenantId === plan.tenantId && a.role === 'branch-secretary' && a.org === DUES_BRANCH);
  if (!secretary) return 0;
  const [branch] = await db.select().from(rosterSchema.orgs).where(and(eq(rosterSchema.orgs.tenantId, plan.tenantId), eq(rosterSchema.orgs.name, DUES_BRANCH)));
  const [user] = await db
    .select({ id: identitySchema.users.id })
    .from(identitySchema.users)
    .where(and(eq(identitySchema.users.tenantId, plan.tenantId), eq(identitySchema.users.username, secretary.username)));
  if (!branch || !user) return 0;
  const members = await db
    .select({ id: rosterSchema.members.id, name: rosterSchema.members.name, userId: rosterSchema.members.userId })
    .from(rosterSchema.members)
    .where(and(eq(rosterSchema.members.tenantId, plan.tenantId), eq(rosterSchema.members.branchId, branch.id)))
    .orderBy(rosterSchema.members.idCardNumber, rosterSchema.members.id);
  const nextId = seededIds(plan.seed ^ 0xd0e5);
  const month = chinaMonth(now);
  const dueFrom = addMonths(month, -3);
  const payments: (typeof rosterSchema.duesPayments.$inferInsert)[] = [];
  const settings = members.map((member, index) => {
    // A member with an account pays monthly (李明's page shows each month); others alternate.
    const schedule: DuesSchedule = member.userId === null && index % 3 === 2 ? 'quarterly' : 'monthly';
    const band: DuesBand = index % 2 === 0 ? 'upto_5000' : 'upto_3000';
    const monthlyDueFen = band === 'upto_5000' ? 4000 : 1250;
    const ended = [-3, -2, -1].map((n) => addMonths(month, n));
    const periods = schedule === 'monthly' ? ended : [...new Set(ended.filter((m) => quarterOfMonth(m) !== quarterOfMonth(month)).map(quarterOfMonth))];
    const paid = member.userId === null && index % 4 === 3 ? periods.slice(0, -1) : periods;
    for (const period of paid) {
      payments.push({
        tenantId: plan.tenantId,
        id: nextId(),
        memberId: member.id,
        period,
        dueFen: dueForPeriod(monthlyDueFen, period),
        paidFen: dueForPeriod(monthlyDueFen, period),
        paidOn: `${lastMonthOf(period)}-10`,
        place: 'home',
        receiverTenantId: plan.tenantId,
        receiverOrgId: branch.id,
        receiverOrgName: branch.name,
        recordedBy: user.id,
        idempotencyKey: `seed:dues:${member.id}:${period}`,
        requestDigest: 'seed',
        createdAt: now,
      });
    }
    return { tenantId: plan.tenantId, memberId: member.id, schedule, band, monthlyDueFen, dueFrom, setBy: user.id, setAt: now };
  });
  if (settings.length === 0) return 0;
  await db.insert(rosterSchema.duesMembers).values(settings).onConflictDoNothing();
  if (payments.length > 0) await db.insert(rosterSchema.duesPayments).values(payments).onConflictDoNothing();
  // A dues payment is contact with the organization (the 6-month rule): the last one counts.
  await db.execute(sql`
    update roster.members m set last_contact_at = p.at, last_contact_source = 'dues'
    from (select member_id, max(paid_on)::timestamp at time zone 'Asia/Shanghai' as at from roster.dues_payments
          where tenant_id = ${plan.tenantId} and voided_at is null group by member_id) p
    where m.tenant_id = ${plan.tenantId} and m.id = p.member_id and (m.last_contact_at is null or m.last_contact_at < p.at)`);
  return payments.length;
}
