import type { RoleGrant } from '@tongxin/auth';
import type { Database, DomainEvent } from '@tongxin/db';
import { SEAT_COOLING_OFF_MS } from '@tongxin/trpc';
import { sql } from 'drizzle-orm';
import { applyCopyEventToScoring } from '../events/apply-copy-event.ts';
import { applyEventToScoring } from '../events/apply-event-to-scoring.ts';

// Test fixture for scoring: two counties' orgs and members, delivered as roster's events
// through the copies consumer (as the relay would), callers, and events to score.
// 永兴 (yx): 马田镇 with 涌水村, 高亭村, 涌水村流动党员支部, 深圳流动党支部 and a closed branch;
// 黄草镇 with 龙潭村. 汝城 (rc): one township with one branch.

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const orgs = {
  yxDepartment: id(1), matian: id(2), yongshui: id(3), gaoting: id(4), huangcao: id(5), longtan: id(6),
  yongshuiMobile: id(7), shenzhen: id(8), closedBranch: id(9),
  rcDepartment: id(11), rcTown: id(12), rcBranch: id(13),
} as const;
export type OrgName = keyof typeof orgs;

const tree: Record<OrgName, { parent: OrgName | null; kind: string; name: string; tenantId: string; closed?: boolean }> = {
  yxDepartment: { parent: null, kind: 'department', name: '永兴县委组织部', tenantId: 'yx' },
  matian: { parent: 'yxDepartment', kind: 'township', name: '马田镇党委', tenantId: 'yx' },
  yongshui: { parent: 'matian', kind: 'branch', name: '涌水村党支部', tenantId: 'yx' },
  gaoting: { parent: 'matian', kind: 'branch', name: '高亭村党支部', tenantId: 'yx' },
  yongshuiMobile: { parent: 'matian', kind: 'mobile_branch', name: '涌水村流动党员党支部', tenantId: 'yx' },
  shenzhen: { parent: 'matian', kind: 'flow_branch', name: '深圳流动党支部', tenantId: 'yx' },
  closedBranch: { parent: 'matian', kind: 'branch', name: '旧村党支部', tenantId: 'yx', closed: true },
  huangcao: { parent: 'yxDepartment', kind: 'township', name: '黄草镇党委', tenantId: 'yx' },
  longtan: { parent: 'huangcao', kind: 'branch', name: '龙潭村党支部', tenantId: 'yx' },
  rcDepartment: { parent: null, kind: 'department', name: '汝城县委组织部', tenantId: 'rc' },
  rcTown: { parent: 'rcDepartment', kind: 'township', name: '土桥镇党委', tenantId: 'rc' },
  rcBranch: { parent: 'rcTown', kind: 'branch', name: '土桥村党支部', tenantId: 'rc' },
};

export function pathOf(org: OrgName): string {
  const node = tree[org];
  return `${node.parent ? pathOf(node.parent) : '/'}${orgs[org]}/`;
}

/** Members: name, user id, branch, status; member ids are id(100 + index). */
export const people = [
  { name: '曹德胜', userId: 'u-cds', branch: 'yongshui', status: 'mobile' },
  { name: '曹春生', userId: 'u-ccs', branch: 'yongshui', status: 'mobile' },
  { name: '刘秀英', userId: 'u-lxy', branch: 'yongshui', status: 'resident' },
  { name: '李华', userId: 'u-lh', branch: 'gaoting', status: 'mobile' },
  { name: '黄文杰', userId: 'u-hwj', branch: 'longtan', status: 'lost_contact' },
  { name: '王芳', userId: 'u-wf', branch: 'yongshuiMobile', status: 'mobile' },
  { name: '朱建国', userId: 'u-zjg', branch: 'rcBranch', status: 'mobile' },
  { name: '陈立', userId: 'u-cl', branch: 'gaoting', status: 'transferred_out' },
] as const;
export type PersonName = (typeof people)[number]['name'];

export const memberIdOf = (name: PersonName) => id(100 + people.findIndex((p) => p.name === name));
const person = (name: PersonName) => people.find((p) => p.name === name)!;
const tenantOf = (name: PersonName) => tree[person(name).branch as OrgName].tenantId;

let eventCounter = 0;
/** A domain event as an outbox row would carry it (a fresh id unless given). */
export function event(topic: string, tenantId: string, payload: object, createdAt = new Date('2026-11-02T01:00:00Z'), eventId?: string): DomainEvent {
  eventCounter += 1;
  return { id: eventId ?? `10000000-0000-4000-8000-${String(eventCounter).padStart(12, '0')}`, tenantId, topic, payload, createdAt };
}

/** Roster's events for the orgs and members above, applied through the copies consumer. */
export async function seedCopies(database: Database) {
  for (const [name, node] of Object.entries(tree) as [OrgName, (typeof tree)[OrgName]][]) {
    await applyCopyEventToScoring(
      database,
      event('roster.org_saved', node.tenantId, {
        orgId: orgs[name], kind: node.kind, name: node.name, path: pathOf(name), city: name === 'shenzhen' ? '深圳' : null,
        closedAt: node.closed ? '2026-01-01T00:00:00Z' : null,
      }),
    );
  }
  for (const p of people) {
    await applyCopyEventToScoring(
      database,
      event('roster.member_created', tenantOf(p.name), {
        memberId: memberIdOf(p.name), userId: p.userId, name: p.name, branchId: orgs[p.branch as OrgName], orgPath: pathOf(p.branch as OrgName), status: p.status,
      }),
    );
  }
}

/**
 * Identity's `identity.seats_changed` for a member (the full set of orgs where they hold a
 * secretary or deputy seat; none: no seat left), announced now (the cooling-off after a seat
 * ends counts in real time), applied through the copies consumer.
 */
export function seatsOf(database: Database, name: PersonName, ...seatedAt: OrgName[]) {
  return applyCopyEventToScoring(database, event('identity.seats_changed', tenantOf(name), { userId: person(name).userId, orgIds: seatedAt.map((org) => orgs[org]) }, new Date()));
}

/** The member's seats all ended a day more than the cooling-off ago: they no longer count, and the member is decided about as any member. */
export function seatsEndedLongAgo(database: Database, name: PersonName) {
  const longAgo = new Date(Date.now() - SEAT_COOLING_OFF_MS - 24 * 60 * 60 * 1000);
  return applyCopyEventToScoring(database, event('identity.seats_changed', tenantOf(name), { userId: person(name).userId, orgIds: [] }, longAgo));
}

/** Events that score, for a member (payloads as reporting and tasks write them). */
export const activity = {
  monthlyReport: (name: PersonName, period: string, createdAt?: Date) =>
    event('reporting.monthly_report_submitted', tenantOf(name), { reportId: crypto.randomUUID(), memberId: memberIdOf(name), userId: person(name).userId, period, ledgerUnchanged: true }, createdAt),
  meeting: (name: PersonName, attendance: string, startsAt: string, meetingId: string = crypto.randomUUID()) =>
    event('reporting.meeting_attended', tenantOf(name), { meetingId, memberId: memberIdOf(name), userId: person(name).userId, attendance, kind: 'branch_meeting', startsAt }),
  /** Reporting cancelled a meeting of `tenantId`'s county; `attendances` are the members' recorded attendance it lists. */
  meetingCancelled: (tenantId: string, meetingId: string, startsAt: string, attendances: [PersonName, string][] = []) =>
    event('reporting.meeting_cancelled', tenantId, {
      meetingId, kind: 'branch_meeting', startsAt, cancelledAt: '2026-11-02T02:00:00Z',
      attendances: attendances.map(([name, attendance]) => ({ memberId: memberIdOf(name), userId: person(name).userId, attendance })),
    }),
  suggestion: (name: PersonName, createdAt?: Date) =>
    event('reporting.suggestion_adopted', tenantOf(name), { suggestionId: crypto.randomUUID(), memberId: memberIdOf(name), userId: person(name).userId, category: 'industry' }, createdAt),
  /** A check-in into `destOrg` of `destTenantId`'s county whose grant roster wrote (in the member's county): what earns its points. */
  checkin: (name: PersonName, destTenantId: string, destOrg: OrgName, grantedAt = '2026-11-02T01:00:00Z') =>
    event('roster.checkin_granted', tenantOf(name), {
      checkinId: crypto.randomUUID(), memberTenantId: tenantOf(name), memberId: memberIdOf(name), granteeTenantId: destTenantId,
      granteeOrgId: orgs[destOrg], granteeOrgPath: pathOf(destOrg), grantedAt,
    }),
  /** Roster wrote the grant of that check-in, in the member's county: what the copies follow (issue 13). */
  granted: (name: PersonName, destTenantId: string, destOrg: OrgName, grantedAt = '2026-11-02T01:00:00Z', checkinId: string = crypto.randomUUID()) =>
    event('roster.checkin_granted', tenantOf(name), {
      checkinId, memberTenantId: tenantOf(name), memberId: memberIdOf(name), granteeTenantId: destTenantId, granteeOrgId: orgs[destOrg], granteeOrgPath: pathOf(destOrg), grantedAt,
    }),
  claimed: (name: PersonName, claimId: string, claimedAt = '2026-11-02T01:00:00Z', taskTenantId = tenantOf(name), taskKind = 'sell_products') =>
    event('tasks.claimed', taskTenantId, {
      claimId, taskId: crypto.randomUUID(), taskKind, taskOrgId: orgs.yongshui, memberTenantId: tenantOf(name), memberId: memberIdOf(name), userId: person(name).userId, claimedAt,
    }),
  withdrawn: (name: PersonName, claimId: string, withdrawnAt = '2026-11-03T01:00:00Z') =>
    event('tasks.claim_withdrawn', tenantOf(name), { claimId, taskId: crypto.randomUUID(), memberTenantId: tenantOf(name), memberId: memberIdOf(name), userId: person(name).userId, withdrawnAt }),
  approved: (name: PersonName, claimId: string, points: number, approvedAt = '2026-11-05T01:00:00Z', taskKind = 'sell_products') =>
    event('tasks.completion_approved', tenantOf(name), {
      claimId, completionId: crypto.randomUUID(), taskId: crypto.randomUUID(), taskKind, taskOrgId: orgs.yongshui, points, amount: 20, unit: 'boxes',
      memberTenantId: tenantOf(name), memberId: memberIdOf(name), userId: person(name).userId, approvedAt,
    }),
};

/** Applies events in order through the points consumer. */
export async function score(database: Database, ...events: DomainEvent[]) {
  const results = [];
  for (const e of events) results.push(await applyEventToScoring(database, e));
  return results;
}

export const as = {
  member: (name: PersonName) => {
    const p = person(name);
    return { tenantId: tenantOf(name), userId: p.userId, name: p.name, roles: [{ role: 'member', orgId: orgs[p.branch as OrgName] }] as RoleGrant[] };
  },
  secretaryOf: (org: OrgName) => ({ tenantId: tree[org].tenantId, userId: `sec-${org}`, name: `${tree[org].name}书记`, roles: [{ role: 'secretary', orgId: orgs[org] }] as RoleGrant[] }),
  department: (tenantId = 'yx') => ({ tenantId, userId: `dep-${tenantId}`, name: '组织部', roles: [{ role: 'department' }] as RoleGrant[] }),
  /** A member who also holds a secretary's or deputy's seat at `org`: one user, both roles. */
  seated: (name: PersonName, org: OrgName) => {
    const p = person(name);
    return { tenantId: tenantOf(name), userId: p.userId, name: p.name, roles: [{ role: 'secretary', orgId: orgs[org] }, { role: 'member', orgId: orgs[p.branch as OrgName] }] as RoleGrant[] };
  },
};

/** Owner-side reads, to check what a request or an event did or did not change. */
export function ownerReads(database: Database) {
  const rows = async (query: ReturnType<typeof sql>) => (await database.owner.execute(query)).rows as any[];
  return {
    rows,
    count: async (table: string, where = 'true') => (await rows(sql.raw(`select count(*)::int as n from scoring.${table} where ${where}`)))[0]!.n as number,
    /** A member's entries, oldest first. */
    entries: (name: PersonName) =>
      rows(sql`select kind, points, capped, note, period, source, topic from scoring.points_ledger where member_id = ${memberIdOf(name)} order by at, activity_at`),
    balance: async (name: PersonName) =>
      Number((await rows(sql`select coalesce(sum(points), 0)::int as n from scoring.points_ledger where member_id = ${memberIdOf(name)}`))[0]!.n),
  };
}
