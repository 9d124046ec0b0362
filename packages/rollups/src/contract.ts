// What the department's and the city's views read (issue 15): each service answers the
// figures of its own data for an org's subtree and a month, from its rollups. Framework-free:
// the frontends import the names and the answer's shape from here.

/**
 * The figures each service keeps per tenant, org (its whole subtree) and month. Every figure
 * is a count or a sum, so an org's figure is the sum of its children's and a rate is two
 * figures (`reportsSubmitted / reportsDue`). A name with a `:` is a family: `outcome:boxes`.
 */
export const ROLLUP_FIGURES = {
  roster: [
    /** On the roster at the month's end (not transferred out). */
    'members',
    /** Mobile (流动) members, lost contact included. */
    'mobile',
    /** Mobile members whose destination is outside the county / inside it. */
    'outOfCounty',
    'withinCounty',
    /** Mobile members with a destination org holding their ledger grant (an accepted check-in). */
    'checkedIn',
    /** 失联 at the month's end. */
    'lostContact',
    /** Mobile members whose ledger nobody confirmed for over 30 days (kept for the current month only; past months keep the value they ended with). */
    'ledgerStale',
    // Families over the mobile members (the dimensions counties analyse, and 三找: where they are):
    /** `age:18-35`, `age:36-45`, `age:46-55`, `age:56+`, `age:unknown` (age at the month's end). */
    'age',
    /** `gender:male`, `gender:female`, `gender:unknown`. */
    'gender',
    /** 学历: `education:<code>` (`EDUCATION_LEVELS` in @tongxin/ledger: postgraduate … junior_or_below), `education:unknown`. */
    'education',
    /** `occupation:<as recorded in the ledger>` (the ledger's 职业/行业), `occupation:unknown`. */
    'occupation',
    /** Years away: `away:0-1`, `away:1-3`, `away:3-5`, `away:5+`, `away:unknown`. */
    'away',
    /** 外出原因: `awayReason:<code>` (`AWAY_REASONS` in @tongxin/ledger: work, business, study, family, other), `awayReason:unknown`. */
    'awayReason',
    /** `place:<province>|<city>` mobile members by destination; `placeCheckedIn:<province>|<city>` those of them checked in. */
    'place',
    'placeCheckedIn',
    /** `employer:<province>|<city>|<employer>` where an employer is recorded. */
    'employer',
  ],
  reporting: [
    /** Members asked for a monthly report for the month (mobile and lost contact). */
    'reportsDue',
    'reportsSubmitted',
    'reportsAcknowledged',
    /** Meetings held in the month (not cancelled, started), any kind. */
    'meetingsHeld',
    /** Branches whose organizational life for the month is on track / behind / not held (红黄绿). */
    'branchesGreen',
    'branchesAmber',
    'branchesRed',
    /** Members with no in-person meeting so far in the month's year. */
    'noInPersonThisYear',
    /** At a destination org of this county (a flow org): members of any county checked in there at the month's end. */
    'checkedInHere',
  ],
  tasks: [
    'tasksPublished',
    'claims',
    /** Completions approved in the month. */
    'completed',
    /** `outcome:<unit>`: the numbers achieved in approved completions, per target unit (boxes, jobs, yuan, …). */
    'outcome',
  ],
  scoring: [
    /** Points earned in the month (the ledger's sum). */
    'points',
    /** Members with any points in the month. */
    'membersWithPoints',
    /** `proposed:<grade>` / `confirmed:<grade>`: the annual evaluation of the month's year (excellent, qualified, basic, unqualified; `proposed:none`: no proposal, the branch decides). */
    'proposed',
    'confirmed',
  ],
} as const;

export type RollupService = keyof typeof ROLLUP_FIGURES;

/** The months a trend may span. */
export const TREND_LENGTHS = [12, 24] as const;

export interface RollupOrg {
  id: string;
  parentId: string | null;
}

/** One service's answer for an org's subtree and a month. Figures absent from a map are 0. */
export interface RollupAnswer {
  month: string;
  /** The org the figures are for; the county's root (the department) when none was named; null before the county's first rollup. */
  org: RollupOrg | null;
  figures: Record<string, number>;
  /** The same figures for the month before. */
  previous: Record<string, number>;
  /** Oldest first, ending with `month`. */
  trend: { month: string; figures: Record<string, number> }[];
  /** The org's children, each with its subtree's figures for `month` (children without any figure are absent). */
  children: { org: RollupOrg; figures: Record<string, number> }[];
  /** When the month's rollup was last brought up to date; null when it never was. */
  asOf: string | null;
  /** True when changes have waited for the rollup longer than the promised 60 seconds. */
  behind: boolean;
}

/** One county in the city's view (issue 15): its root's figures, from one service's rollups. */
export interface CityCounty {
  countyId: string;
  figures: Record<string, number>;
  /** The month before. */
  previous: Record<string, number>;
  /** When the county's month was last brought up to date; null when it never was. */
  asOf: string | null;
}

/** A service's answer to the city's `rollups.counties`: every county whose grant to the city stands, by id. */
export interface CityCountiesAnswer {
  month: string;
  counties: CityCounty[];
}
