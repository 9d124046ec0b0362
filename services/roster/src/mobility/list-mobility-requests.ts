import { seatsOfUsers } from '@tongxin/copies';
import { selectRows, type Tx } from '@tongxin/db';
import type { AwayReason } from '@tongxin/ledger';
import { deciderOf, levelAboveRefusal, type Caller } from '@tongxin/trpc';
import { sql } from 'drizzle-orm';
import { orgPaths, seats } from '../schema.ts';
import { checkedInWith } from '../certificates/checked-in-with.ts';
import { openOutflow, standingCertificate, type MobilityRequestRow } from './file-mobility-request.ts';
import type { MemberRow } from './find-subject.ts';

export interface MobilityRequestView {
  id: string;
  kind: MobilityRequestRow['kind'];
  status: MobilityRequestRow['status'];
  leftOn: string | null;
  destinationProvince: string | null;
  destinationCity: string | null;
  reasonCode: AwayReason | null;
  reason: string | null;
  expectedMonths: number | null;
  contactPhone: string | null;
  returnedOn: string | null;
  reportActivities: string | null;
  reportJoinedOrg: string | null;
  reportMeetings: number | null;
  filedAt: Date;
  decidedAt: Date | null;
  refusalReason: string | null;
}

export interface QueuedRequest extends MobilityRequestView {
  memberId: string;
  name: string;
  branch: string;
  /** Whether the caller may decide it (not their own, not a seat only the level above decides about). */
  decidable: boolean;
}

const requestColumns = sql`r.id, r.kind, r.status, r.left_on::text as "leftOn", r.destination_province as "destinationProvince",
  r.destination_city as "destinationCity", r.reason_code as "reasonCode", r.reason, r.expected_months as "expectedMonths",
  r.contact_phone as "contactPhone", r.returned_on::text as "returnedOn", r.report_activities as "reportActivities",
  r.report_joined_org as "reportJoinedOrg", r.report_meetings as "reportMeetings", r.filed_at as "filedAt",
  r.decided_at as "decidedAt", r.refusal_reason as "refusalReason"`;

/**
 * The secretary's queue on the 流动 page: members' requests in the caller's scope (RLS), the
 * pending ones oldest first, and how many there are. Pending requests the caller may not decide
 * (their own, a seat only the level above decides about) are left out, as every queue does;
 * decided ones are listed newest first with the rest.
 */
export async function listMobilityRequests(tx: Tx, caller: Caller, status: MobilityRequestRow['status'] = 'pending'): Promise<{ total: number; rows: QueuedRequest[] }> {
  const order = status === 'pending' ? sql`r.filed_at asc` : sql`coalesce(r.decided_at, r.filed_at) desc`;
  const rows = await selectRows<Omit<QueuedRequest, 'decidable'> & { userId: string | null }>(tx, sql`
    select ${requestColumns}, r.member_id as "memberId", m.name, b.name as branch, m.user_id as "userId"
    from roster.mobility_requests r
    join roster.members m on m.tenant_id = r.tenant_id and m.id = r.member_id
    join roster.orgs b on b.tenant_id = m.tenant_id and b.id = m.branch_id
    where r.tenant_id = ${caller.tenantId} and r.status = ${status}
    order by ${order}
    limit 200`);
  const userIds = [...new Set(rows.flatMap((row) => (row.userId ? [row.userId] : [])))];
  const seatsOf = await seatsOfUsers(tx, seats, orgPaths, caller.tenantId, userIds);
  const decider = deciderOf(caller);
  const all = rows.map(({ userId, ...row }) => ({
    ...row,
    filedAt: new Date(row.filedAt),
    decidedAt: row.decidedAt ? new Date(row.decidedAt) : null,
    decidable: levelAboveRefusal(decider, { userId, seats: userId ? (seatsOf.get(userId) ?? []) : [] }) === null,
  }));
  const shown = status === 'pending' ? all.filter((row) => row.decidable) : all;
  return { total: shown.length, rows: shown };
}

export interface MyMobility {
  status: MemberRow['status'];
  away: boolean;
  /** The registered time away, while the member is away. */
  awaySince: string | null;
  destinationProvince: string | null;
  destinationCity: string | null;
  awayReason: AwayReason | null;
  /** The member's requests, newest first (the pending ones are among them). */
  requests: MobilityRequestView[];
  /** What the forms start from: what the ledger and the certificate already hold (enter once). */
  prefill: {
    contactPhone: string | null;
    destinationProvince: string | null;
    destinationCity: string | null;
    reportActivities: string | null;
    reportJoinedOrg: string | null;
    reportMeetings: number | null;
    /** The report was already given on the activity certificate. */
    reportedOnCertificate: boolean;
  };
}

/** The member's page: where they stand, their requests and the forms' prefill, in one read. */
export async function myMobility(tx: Tx, member: MemberRow, now: Date): Promise<MyMobility> {
  const [requests, open, certificate] = [
    await selectRows<MobilityRequestView>(tx, sql`
      select ${requestColumns} from roster.mobility_requests r
      where r.tenant_id = ${member.tenantId} and r.member_id = ${member.id}
      order by r.filed_at desc limit 20`),
    await openOutflow(tx, member),
    await standingCertificate(tx, member, now),
  ];
  const checkedIn = certificate
    ? (await selectRows<{ orgs: string[] }>(tx, sql`select ${checkedInWith} as orgs from roster.certificates c where c.tenant_id = ${member.tenantId} and c.id = ${certificate.id}`))[0]?.orgs ?? []
    : [];
  const away = member.status === 'mobile' || member.status === 'lost_contact' || open !== null;
  return {
    status: member.status,
    away,
    awaySince: away ? (open?.leftOn ?? member.awaySince) : null,
    destinationProvince: member.destinationProvince,
    destinationCity: member.destinationCity,
    awayReason: member.awayReason,
    requests: requests.map((row) => ({ ...row, filedAt: new Date(row.filedAt), decidedAt: row.decidedAt ? new Date(row.decidedAt) : null })),
    prefill: {
      contactPhone: member.destinationPhone ?? member.phone,
      destinationProvince: member.destinationProvince,
      destinationCity: member.destinationCity,
      reportActivities: certificate?.reportActivities ?? null,
      reportJoinedOrg: certificate?.reportJoinedOrg ?? checkedIn[0] ?? member.destinationOrgName,
      reportMeetings: certificate?.reportMeetings ?? null,
      reportedOnCertificate: certificate?.reportActivities != null,
    },
  };
}
