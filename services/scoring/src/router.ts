import { router } from '@tongxin/trpc';
import { rollupsRouter } from './rollups/rollups-router.ts';
import { evaluationRouter } from './evaluation/evaluation-router.ts';
import { pointsRouter } from './points/points-router.ts';
import { rankingsRouter } from './rankings/rankings-router.ts';
import { rulesRouter, thresholdsRouter } from './rules/rules-router.ts';

export const appRouter = router({
  rollups: rollupsRouter,
  points: pointsRouter,
  rules: rulesRouter,
  thresholds: thresholdsRouter,
  rankings: rankingsRouter,
  evaluation: evaluationRouter,
});
export type AppRouter = typeof appRouter;
