import { router } from '@tongxin/trpc';
import { tasksRouter } from './tasks/tasks-router.ts';

export const appRouter = router({ tasks: tasksRouter });
export type AppRouter = typeof appRouter;
