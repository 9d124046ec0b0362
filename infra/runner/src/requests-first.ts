import { setImmediate as nextMacrotask } from 'node:timers/promises';

/** Waits its turn before one step of background work (a consumer's transaction, a month's rollup). */
export type BackgroundTurn = () => Promise<void>;

/**
 * Requests before background work, for a database of one connection (issue 18: right after a
 * first `npm start` the login page took 20 s, queued behind the relay draining the demo's
 * ~1,400 seeded events). PGlite runs each query on the main thread and hands its connection to
 * the next waiter without going back to the event loop, so a relay round of 100 events (~1 s)
 * held off every socket, and each step of a request (accept, read, a file, a query) waited a
 * round. Background work on PGlite therefore goes in short steps (an event, a month), each
 * after `turn()`, which yields once per slice of `sliceMs`: back to the event loop first
 * (whatever arrived is taken up), then no start while a request is being answered, for at
 * most `maxWaitMs`, so a steady stream of requests slows the background down but never stops it.
 */
export function requestsFirst(options: { maxWaitMs?: number; sliceMs?: number } = {}) {
  // Short: under a steady stream of requests the background still gets most of its pace.
  const maxWaitMs = options.maxWaitMs ?? 10;
  // Background steps run back to back for this long before they yield: a turn per step (an
  // event's consumers) made the seed's drain so slow under a browser's requests that a
  // check-in's grant waited more than 30 s behind it (journey 19 on a fresh start).
  const sliceMs = options.sliceMs ?? 20;
  let inFlight = 0;
  let idle: (() => void)[] = [];
  let sliceStarted = -Infinity;
  return {
    /** Answers a request, counted as in flight until its answer is ready. */
    async track<T>(answer: () => T | Promise<T>): Promise<T> {
      inFlight += 1;
      try {
        return await answer();
      } finally {
        inFlight -= 1;
        if (inFlight === 0) for (const resume of idle.splice(0)) resume();
      }
    },
    inFlight: () => inFlight,
    turn: (async () => {
      if (performance.now() - sliceStarted < sliceMs) return;
      await nextMacrotask();
      if (inFlight > 0) {
        await new Promise<void>((resume) => {
          const timer = setTimeout(() => {
            idle = idle.filter((waiting) => waiting !== done);
            resume();
          }, maxWaitMs);
          const done = () => {
            clearTimeout(timer);
            resume();
          };
          idle.push(done);
        });
      }
      sliceStarted = performance.now();
    }) satisfies BackgroundTurn,
  };
}
