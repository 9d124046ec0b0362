import { router } from '@tongxin/trpc';
import { monthlyReportsRouter } from './monthly-reports/monthly-reports-router.ts';

export const appRouter = router({ monthlyReports: monthlyReportsRouter });
export type AppRouter = typeof appRouter;
