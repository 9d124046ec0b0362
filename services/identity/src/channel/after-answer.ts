import type { ServiceDeps } from '@tongxin/trpc';

/**
 * Runs `work` after the answer has gone (the host's `defer`, else detached on the next turn),
 * for sending that must not shape the answer's timing. A failure is logged by name only: the
 * message or its parameters could hold a code.
 */
export function afterAnswer(deps: Pick<ServiceDeps, 'defer'>, what: string, work: () => Promise<unknown>): void {
  const run = async () => {
    try {
      await work();
    } catch (error) {
      console.error(`[identity] ${what} after the answer failed: ${error instanceof Error ? error.name : 'Error'}`);
    }
  };
  if (deps.defer) deps.defer(run);
  else setTimeout(run, 0);
}
