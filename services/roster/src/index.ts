export { app } from './app.ts';
export type { AppRouter } from './router.ts';
export { migrations } from './migrations.ts';
export * as rosterSchema from './schema.ts';
export type { MemberCreated } from './members/create-member.ts';
export { proposePlacements, applyTransferAccepted } from './jobs.ts';
export { syncDirectory, backfillDirectory } from './orgs/sync-directory.ts';
export { applyCheckinEvent } from './grants/apply-checkin-event.ts';
export { confirmLedgerFromReport } from './ledger/confirm-from-report.ts';
