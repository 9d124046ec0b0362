import type { reporting } from '@tongxin/api-client';

/** One of the member's monthly reports as `monthlyReports.mine` returns it. */
export type Report = Awaited<ReturnType<typeof reporting.monthlyReports.mine.query>>[number];
