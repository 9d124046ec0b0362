import { router } from '@tongxin/trpc';
import { authRouter } from './auth/auth-router.ts';
import { smsRouter } from './channel/sms-router.ts';
import { invitationsRouter } from './invitations/invitations-router.ts';
import { operatorInvitationsRouter } from './invitations/operator-invitations-router.ts';
import { setupRouter } from './setup/setup-router.ts';
import { operatorTenantsRouter } from './tenants/operator-tenants-router.ts';

export const appRouter = router({
  auth: authRouter,
  setup: setupRouter,
  invitations: invitationsRouter,
  operator: router({ tenants: operatorTenantsRouter, invitations: operatorInvitationsRouter }),
  sms: smsRouter,
});
export type AppRouter = typeof appRouter;
