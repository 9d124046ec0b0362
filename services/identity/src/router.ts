import { router } from '@tongxin/trpc';
import { accountsRouter } from './accounts/accounts-router.ts';
import { activationRouter } from './accounts/activation-router.ts';
import { authRouter } from './auth/auth-router.ts';
import { cityGrantRouter } from './city-grants/city-grant-router.ts';
import { smsRouter } from './channel/sms-router.ts';
import { invitationsRouter } from './invitations/invitations-router.ts';
import { operatorInvitationsRouter } from './invitations/operator-invitations-router.ts';
import { passwordResetRouter } from './password-reset/password-reset-router.ts';
import { rolesRouter } from './roles/roles-router.ts';
import { setupRouter } from './setup/setup-router.ts';
import { staffRouter } from './staff/staff-router.ts';
import { operatorTenantsRouter } from './tenants/operator-tenants-router.ts';

export const appRouter = router({
  auth: authRouter,
  setup: setupRouter,
  invitations: invitationsRouter,
  operator: router({ tenants: operatorTenantsRouter, invitations: operatorInvitationsRouter }),
  sms: smsRouter,
  accounts: accountsRouter,
  activation: activationRouter,
  passwordReset: passwordResetRouter,
  staff: staffRouter,
  roles: rolesRouter,
  cityGrant: cityGrantRouter,
});
export type AppRouter = typeof appRouter;
