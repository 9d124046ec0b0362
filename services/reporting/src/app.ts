import { createServiceApp } from '@tongxin/trpc';
import { appRouter } from './router.ts';

/** The reporting service: monthly reports members send to their home branch. */
export const app = createServiceApp('reporting', appRouter);
