import { router } from '@tongxin/trpc';
import { authRouter } from './auth/auth-router.ts';

export const appRouter = router({ auth: authRouter });
export type AppRouter = typeof appRouter;
