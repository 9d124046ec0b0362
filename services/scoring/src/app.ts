import { createServiceApp } from '@tongxin/trpc';
import { appRouter } from './router.ts';

/** The scoring service: the points ledger, rules, org rankings and the annual evaluation. */
export const app = createServiceApp('scoring', appRouter);
