import type { RosterFilter } from '../route.ts';
import type { DepartmentMessageKey } from '../messages.ts';
import type { Rate } from './figures.ts';

/** One figure card: its value and change; a rate where the figure is part of another; the figures beside it. */
export interface Card {
  name: string;
  label: DepartmentMessageKey;
  rate?: Rate & { label: DepartmentMessageKey };
  details?: readonly { name: string; label: DepartmentMessageKey }[];
  /** At a branch, the roster filter that lists the members behind the figure. */
  members?: RosterFilter;
}

export interface CardGroup {
  id: 'mobile' | 'life' | 'tasks' | 'points';
  title: DepartmentMessageKey;
  cards: readonly Card[];
}

/** The overview's cards, by the service that keeps the figures (`ROLLUP_FIGURES`). */
export const CARD_GROUPS: readonly CardGroup[] = [
  {
    id: 'mobile',
    title: 'figures.groupMobile',
    cards: [
      { name: 'members', label: 'figure.members' },
      {
        name: 'mobile',
        label: 'figure.mobile',
        details: [
          { name: 'outOfCounty', label: 'figure.outOfCounty' },
          { name: 'withinCounty', label: 'figure.withinCounty' },
        ],
        // The figure counts lost contact too (roster's rollup): so does its list.
        members: { away: true },
      },
      { name: 'checkedIn', label: 'figure.checkedIn', rate: { part: 'checkedIn', whole: 'mobile', label: 'rate.checkedIn' }, members: { away: true, checkedIn: true } },
      { name: 'lostContact', label: 'figure.lostContact', members: { lostContact: true } },
      { name: 'ledgerStale', label: 'figure.ledgerStale', members: { stale: true } },
    ],
  },
  {
    id: 'life',
    title: 'figures.groupLife',
    cards: [
      { name: 'reportsSubmitted', label: 'figure.reportsSubmitted', rate: { part: 'reportsSubmitted', whole: 'reportsDue', label: 'rate.reporting' }, details: [{ name: 'reportsDue', label: 'figure.reportsDue' }] },
      {
        name: 'meetingsHeld',
        label: 'figure.meetingsHeld',
        details: [
          { name: 'branchesGreen', label: 'figure.branchesGreen' },
          { name: 'branchesAmber', label: 'figure.branchesAmber' },
          { name: 'branchesRed', label: 'figure.branchesRed' },
        ],
      },
      { name: 'noInPersonThisYear', label: 'figure.noInPersonThisYear' },
    ],
  },
  {
    id: 'tasks',
    title: 'figures.groupTasks',
    cards: [
      { name: 'tasksPublished', label: 'figure.tasksPublished' },
      { name: 'claims', label: 'figure.claims' },
      { name: 'completed', label: 'figure.completed', rate: { part: 'completed', whole: 'claims', label: 'rate.completed' } },
    ],
  },
  {
    id: 'points',
    title: 'figures.groupPoints',
    cards: [{ name: 'points', label: 'figure.points', details: [{ name: 'membersWithPoints', label: 'figure.membersWithPoints' }] }],
  },
];

/**
 * The evaluation's grades, best first (scoring's `proposed:<grade>`, `confirmed:<grade>`), then
 * `none`: no proposal, the branch decides (issue 17; it is never a confirmed grade).
 */
export const GRADES = ['excellent', 'qualified', 'basic', 'unqualified', 'none'] as const;
