import { createTRPCClient, httpLink } from '@trpc/client';
import type { AppRouter as IdentityRouter } from '@tongxin/identity';
import type { AppRouter as ReportingRouter } from '@tongxin/reporting';
import type { AppRouter as RosterRouter } from '@tongxin/roster';
import type { AppRouter as ScoringRouter } from '@tongxin/scoring';
import type { AppRouter as TasksRouter } from '@tongxin/tasks';
import { sessionFetch } from './session-fetch.ts';

// httpLink rather than httpBatchLink: pages make one or two calls, and one HTTP status per
// call lets `sessionFetch` see UNAUTHORIZED without parsing batch bodies.
export const identity = createTRPCClient<IdentityRouter>({
  links: [httpLink({ url: '/api/identity/trpc', fetch: sessionFetch })],
});

export const roster = createTRPCClient<RosterRouter>({
  links: [httpLink({ url: '/api/roster/trpc', fetch: sessionFetch })],
});

export const reporting = createTRPCClient<ReportingRouter>({
  links: [httpLink({ url: '/api/reporting/trpc', fetch: sessionFetch })],
});

export const tasks = createTRPCClient<TasksRouter>({
  links: [httpLink({ url: '/api/tasks/trpc', fetch: sessionFetch })],
});

export const scoring = createTRPCClient<ScoringRouter>({
  links: [httpLink({ url: '/api/scoring/trpc', fetch: sessionFetch })],
});
