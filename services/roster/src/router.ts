import { router } from '@tongxin/trpc';
import { membersRouter } from './members/members-router.ts';
import { orgsRouter } from './orgs/orgs-router.ts';

export const appRouter = router({ members: membersRouter, orgs: orgsRouter });
export type AppRouter = typeof appRouter;
