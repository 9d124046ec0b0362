import { router } from '@tongxin/trpc';
import { rollupsRouter } from './rollups/rollups-router.ts';
import { checkinSettingsRouter } from './checkin-settings/checkin-settings-router.ts';
import { checkinsRouter } from './checkins/checkins-router.ts';
import { checkinLinksRouter } from './checkins/checkin-links-router.ts';
import { escalationRouter } from './escalation/escalation-router.ts';
import { meetingsRouter } from './meetings/meetings-router.ts';
import { monthlyReportsRouter } from './monthly-reports/monthly-reports-router.ts';
import { notificationsRouter } from './notifications/notifications-router.ts';
import { suggestionsRouter } from './suggestions/suggestions-router.ts';

export const appRouter = router({
  rollups: rollupsRouter,
  monthlyReports: monthlyReportsRouter,
  checkins: checkinsRouter,
  checkinLinks: checkinLinksRouter,
  checkinSettings: checkinSettingsRouter,
  meetings: meetingsRouter,
  suggestions: suggestionsRouter,
  notifications: notificationsRouter,
  escalation: escalationRouter,
});
export type AppRouter = typeof appRouter;
