import { createServiceApp } from '@tongxin/trpc';
import { evidenceRoutes } from './evidence/evidence-routes.ts';
import { appRouter } from './router.ts';

/** The tasks service: tasks orgs publish for members to claim, complete and have reviewed. */
export const app = createServiceApp('tasks', appRouter);
app.route('/api/tasks/evidence', evidenceRoutes);
