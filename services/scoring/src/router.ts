import { router } from '@tongxin/trpc';
import { pointsRouter } from './points/points-router.ts';

export const appRouter = router({ points: pointsRouter });
export type AppRouter = typeof appRouter;
