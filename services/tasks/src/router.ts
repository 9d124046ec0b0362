import { router } from '@tongxin/trpc';
import { rollupsRouter } from './rollups/rollups-router.ts';
import { claimsRouter } from './claims/claims-router.ts';
import { completionsRouter } from './completions/completions-router.ts';
import { outcomesRouter } from './outcomes/outcomes-router.ts';
import { tasksRouter } from './tasks/tasks-router.ts';

export const appRouter = router({
  rollups: rollupsRouter, tasks: tasksRouter, claims: claimsRouter, completions: completionsRouter, outcomes: outcomesRouter });
export type AppRouter = typeof appRouter;
