/** The wizard's steps, in order (开通向导); `live` is the last: the checklist and going live. */
export const SETUP_STEPS = ['profile', 'orgs', 'members', 'secretaries', 'settings', 'accounts', 'live'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];
