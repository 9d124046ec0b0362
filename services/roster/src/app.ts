import { createServiceApp } from '@tongxin/trpc';
import { appRouter } from './router.ts';

/** The roster service: the org tree and its members. */
export const app = createServiceApp('roster', appRouter);
