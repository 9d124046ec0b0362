import type { Database, Tx } from '@tongxin/db';
import { eq } from 'drizzle-orm';
import { periodMonths, type Period } from '../periods/period.ts';
import { comparisonParent, levelOf } from '../rankings/org-levels.ts';
import { aggregateReads } from '../rankings/aggregate-reads.ts';
import { memberPosition } from '../rankings/member-position.ts';
import { rankOrgs } from '../rankings/rank-orgs.ts';
import { members, orgs } from '../schema.ts';
import { memberEntries } from './entry-view.ts';

type Who = { tenantId: string; userId: string };
type Transact = <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;

/**
 * A member's own points (brief: "a member sees their own points and position"): the balance
 * and every entry behind it, read in the member's own transaction (RLS: their rows only);
 * then, in a second transaction, their place in their branch and their branch's place
 * among the township's branches, as ranks only, from a tenant-wide aggregate read — never
 * another member's name or points. The member's own branch is the whole of the check.
 */
export async function readMyPoints(ownTx: Transact, database: Database, who: Who, period: Period, whole: boolean) {
  const months = periodMonths(period);
  const own = await ownTx(async (tx) => {
    const [me] = await tx.select().from(members).where(eq(members.userId, who.userId));
    if (!me) return null;
    const entries = await memberEntries(tx, me.memberId);
    const allOrgs = await tx.select({ orgId: orgs.orgId, kind: orgs.kind, name: orgs.name, path: orgs.path }).from(orgs);
    return { me, entries, byId: new Map(allOrgs.map((o) => [o.orgId, o])) };
  });
  if (!own) return { balance: 0, periodPoints: 0, period, entries: [], position: null, branch: null };

  const { me, entries, byId } = own;
  const inPeriod = entries.filter((e) => e.period >= months.from && e.period <= months.to);
  const sum = (list: typeof entries) => list.reduce((total, e) => total + e.points, 0);
  const branch = byId.get(me.branchId);
  const level = branch ? levelOf(branch.kind) : null;
  const parent = branch ? comparisonParent(branch, byId) : null;

  const { position, standing } = await aggregateReads(database, who.tenantId, async (wide) => {
    const position = await memberPosition(wide, who.tenantId, me, months.from, months.to);
    if (!branch || !level) return { position, standing: null };
    const ranking = await rankOrgs(wide, who.tenantId, { level, parentPath: parent?.path ?? null, ...months });
    const mine = ranking.find((r) => r.orgId === branch.orgId);
    return { position, standing: mine ? { orgId: mine.orgId, orgName: mine.orgName, rank: mine.rank, of: ranking.length } : null };
  });
  return { balance: sum(entries), periodPoints: sum(inPeriod), period, entries: whole ? entries : inPeriod, position, branch: standing };
}
