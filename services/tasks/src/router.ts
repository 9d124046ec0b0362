import { router } from '@tongxin/trpc';
import { claimsRouter } from './claims/claims-router.ts';
import { completionsRouter } from './completions/completions-router.ts';
import { outcomesRouter } from './outcomes/outcomes-router.ts';
import { tasksRouter } from './tasks/tasks-router.ts';

export const appRouter = router({ tasks: tasksRouter, claims: claimsRouter, completions: completionsRouter, outcomes: outcomesRouter });
export type AppRouter = typeof appRouter;
