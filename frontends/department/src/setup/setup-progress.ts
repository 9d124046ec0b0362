import { SETUP_STEPS, type SetupStep } from './setup-steps.ts';

/** What of `setup.get` the progress reads. */
export interface SetupProgress {
  steps: readonly string[];
  tenant: { liveAt: unknown };
}

/** A step is done when marked so, or once the county is live: nothing is left to set up then. */
export function isStepDone(state: SetupProgress, step: SetupStep): boolean {
  return Boolean(state.tenant.liveAt) || state.steps.includes(step);
}

/**
 * Where the wizard opens: the first step not done; a live county (the demo counties went live
 * without the wizard) or one with every step done opens on the last, its checklist and the
 * date it went live, not on step 1.
 */
export function resumeAt(state: SetupProgress | undefined): SetupStep {
  if (!state) return 'profile';
  return SETUP_STEPS.find((step) => !isStepDone(state, step)) ?? 'live';
}
