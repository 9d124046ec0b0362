export { app } from './app.ts';
export type { AppRouter } from './router.ts';
export { migrations } from './migrations.ts';
export * as reportingSchema from './schema.ts';
export { applyRosterEventToReporting } from './members/apply-roster-event.ts';
export { MONTHLY_REPORT_SUBMITTED, type MonthlyReportSubmitted } from './monthly-reports/submit-monthly-report.ts';
export { applyCheckinDecision } from './checkins/notify-checkin-decision.ts';
export { runEscalation } from './escalation/run-escalation.ts';
export { applyGrantRefusal } from './checkins/apply-grant-refusal.ts';
