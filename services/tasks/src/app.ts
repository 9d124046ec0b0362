import { createServiceApp } from '@tongxin/trpc';
import { appRouter } from './router.ts';

/** The tasks service: tasks branches publish for members to claim. */
export const app = createServiceApp('tasks', appRouter);
