import { LEDGER_FIELDS, maskIdCard, STALE_AFTER_DAYS, withCheckDigit, type AwayReason } from '@tongxin/ledger';
import type { rosterSchema } from '@tongxin/roster';
import type { CountyPlan } from './county-plan.ts';
import {
  AWAY_REASON_WEIGHTS, birthDigits, createRandom, daysBefore, DESTINATIONS, EDUCATION_WEIGHTS, EMPLOYERS, landline, OCCUPATIONS, personName, phoneNumber,
  pickWeighted, PROVINCE_OF, residentialAddress,
} from './names.ts';
import type { planOrgs, Org } from './plan-orgs.ts';

export type Member = typeof rosterSchema.members.$inferInsert & { id: string };
export type Version = typeof rosterSchema.memberVersions.$inferInsert;
type Random = ReturnType<typeof createRandom>;

const DAY = 86_400_000;

/** Unique, valid ID-card numbers of one county: region code, birth date, sequence (odd = male), check digit. */
export function idCardFactory(plan: CountyPlan, random: Random) {
  const taken = new Set<string>();
  return (birth: string, gender: 'male' | 'female'): string => {
    for (;;) {
      // Sequences 900–999 are left to the demo accounts (seed-account.ts).
      let sequence = Math.floor(random.next() * 900);
      if ((sequence % 2 === 1) !== (gender === 'male')) sequence = (sequence + 1) % 900;
      const id = withCheckDigit(`${plan.regionCode}${birth}${String(sequence).padStart(3, '0')}`);
      if (!taken.has(id)) {
        taken.add(id);
        return id;
      }
    }
  };
}

/** Joined the party between 20 and 35, and at least a year ago. */
function joinedOn(random: Random, birth: string, now: Date): string {
  const born = Date.UTC(Number(birth.slice(0, 4)), Number(birth.slice(4, 6)) - 1, Number(birth.slice(6, 8)));
  const at = Math.min(born + (20 + random.next() * 15) * 365.25 * DAY, now.getTime() - 365 * DAY);
  return new Date(at).toISOString().slice(0, 10);
}

const isoBirth = (birth: string) => `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`;

/**
 * Members as the Yongxing reports describe them: a quarter away (mostly in the Pearl River
 * delta and Fujian), their ledgers filled in; about one ledger in five unconfirmed for over
 * a month (stale); a few lost contact for more than 6 months, with a register reason code.
 */
export function planMembers(plan: CountyPlan, tree: ReturnType<typeof planOrgs>, now: Date, nextId: () => string) {
  const random = createRandom(plan.seed);
  // Education and the reason for leaving on a stream of their own: the members drawn before
  // they existed (names, branches, places) stay who and where they were.
  const traits = createRandom(plan.seed ^ 0x7ea175);
  const education = (away: boolean) => {
    const band = pickWeighted(traits, EDUCATION_WEIGHTS[away ? 'mobile' : 'resident']);
    return band === 'unrecorded' ? null : band;
  };
  const idCard = idCardFactory(plan, random);
  const createdAt = new Date(now.getTime() - 730 * DAY); // the county's spreadsheets, imported two years ago
  const flowBranchIn = new Map(tree.flowBranches.map((b) => [b.city!, b]));
  const leaders = new Map(tree.flowBranches.map((b) => [b.id, { name: personName(random), phone: phoneNumber(random) }]));
  const members: Member[] = [];
  for (let i = 0; i < plan.members; i++) {
    const roll = random.next();
    const away = roll < 0.25;
    const gender = random.next() < 0.72 ? 'male' : 'female';
    const birth = away ? birthDigits(random, 1965, 2000) : birthDigits(random, 1940, 1998);
    const village = random.pick(tree.villageBranches);
    const base = {
      id: nextId(),
      tenantId: plan.tenantId,
      name: personName(random),
      gender,
      birthDate: isoBirth(birth),
      idCardNumber: idCard(birth, gender),
      phone: phoneNumber(random),
      joinedOn: joinedOn(random, birth, now),
      education: education(away),
      createdAt,
      updatedAt: createdAt,
    } as const;
    if (!away) {
      members.push({ ...base, branchId: village.id, orgPath: village.path, status: 'resident', fieldConfirmedAt: {}, ledgerConfirmedAt: createdAt });
      continue;
    }
    const branch: Org = roll < 0.04 ? random.pick(tree.flowBranches) : (tree.mobileBranches.get(village.id) ?? village);
    const city = branch.kind === 'flow_branch' ? branch.city! : random.pick(DESTINATIONS);
    const lostContact = random.next() < 0.05;
    // Confirmed within the month, or (one in five) longer ago: stale. Lost contact: 200–600 days.
    const confirmedDaysAgo = lostContact ? 200 + random.next() * 400 : random.next() < 0.2 ? STALE_AFTER_DAYS + 5 + random.next() * 200 : random.next() * (STALE_AFTER_DAYS - 2);
    const confirmed = new Date(now.getTime() - confirmedDaysAgo * DAY);
    const flowOrg = flowBranchIn.get(city);
    const employer = random.pick(EMPLOYERS[city]!);
    // Members who have checked in name a flow branch or their employer's branch; some have not yet.
    const checkIn = random.next();
    const leader = flowOrg ? leaders.get(flowOrg.id)! : null;
    const destinationOrg =
      flowOrg && leader && checkIn < 0.6
        ? { name: flowOrg.name, leader: leader.name, contact: leader.phone }
        : checkIn < 0.8
          ? { name: `${employer}党支部`, leader: personName(random), contact: phoneNumber(random) }
          : null;
    const ledger = {
      destinationProvince: PROVINCE_OF[city] ?? null,
      destinationCity: city,
      employer,
      occupation: random.pick(OCCUPATIONS),
      residentialAddress: residentialAddress(random, city),
      destinationPhone: random.next() < 0.8 ? base.phone : landline(random, city),
      destinationOrgName: destinationOrg?.name ?? null,
      destinationOrgLeader: destinationOrg?.leader ?? null,
      destinationOrgContact: destinationOrg?.contact ?? null,
      awaySince: daysBefore(now, 200 + Math.floor(random.next() * 2800)),
    };
    members.push({
      ...base,
      branchId: branch.id,
      orgPath: branch.path,
      status: lostContact ? 'lost_contact' : 'mobile',
      ...ledger,
      awayReason: awayReason(pickWeighted(traits, AWAY_REASON_WEIGHTS)),
      lostContactSince: lostContact ? daysBefore(confirmed, -183) : null,
      lostContactReason: lostContact ? random.pick([1, 1, 1, 4, 6, 7]) : null,
      fieldConfirmedAt: Object.fromEntries(LEDGER_FIELDS.map((f) => [f, confirmed.toISOString()])),
      ledgerConfirmedAt: confirmed,
      // The ledger was last confirmed in a monthly report: their last contact (the 6-month
      // rule proposes the few whose stale ledgers are older than that).
      lastContactAt: confirmed,
      lastContactSource: 'monthly_report',
    });
  }
  return members;
}

const awayReason = (reason: AwayReason | 'unrecorded') => (reason === 'unrecorded' ? null : reason);

const RECORD_FIELDS = ['name', 'gender', 'birthDate', 'idCardNumber', 'phone', 'joinedOn', 'education', 'status', ...LEDGER_FIELDS, 'awayReason'] as const;

/** Version 1 of a seeded record, as createMember writes it (ID card masked in the history). */
export function versionOne(member: Member): Version {
  const changes = RECORD_FIELDS.flatMap((field) => {
    const value = member[field];
    if (value === null || value === undefined || value === '') return [];
    return [{ field, from: null, to: field === 'idCardNumber' ? maskIdCard(String(value)) : String(value) }];
  });
  return { tenantId: member.tenantId, memberId: member.id, version: 1, action: 'created', changes, actorUserId: null, actorRole: 'system', at: member.createdAt ?? new Date() };
}
