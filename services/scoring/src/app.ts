import { createServiceApp } from '@tongxin/trpc';
import { appRouter } from './router.ts';

/** The scoring service: the points ledger. */
export const app = createServiceApp('scoring', appRouter);
