import { createServiceApp } from '@tongxin/trpc';
import { appRouter } from './router.ts';

/** The identity service: tenants, users, credentials, sessions, role assignments. */
export const app = createServiceApp('identity', appRouter);
