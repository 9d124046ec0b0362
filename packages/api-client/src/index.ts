export { identity, reporting, roster, scoring, tasks } from './clients.ts';
export { onSessionEnded } from './session-fetch.ts';
export { currentAccount, setCurrentAccount } from './account.ts';
export { errorKind, errorReason, fieldErrors, type ErrorKind } from './error-kind.ts';
export type { AppRouter as IdentityRouter } from '@tongxin/identity';
export type { AppRouter as RosterRouter } from '@tongxin/roster';
export type { AppRouter as ReportingRouter } from '@tongxin/reporting';
export type { AppRouter as TasksRouter } from '@tongxin/tasks';
export type { AppRouter as ScoringRouter } from '@tongxin/scoring';
