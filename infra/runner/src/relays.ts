import { relayOutbox, type Database, type DomainEvent, type OutboxTable } from '@tongxin/db';
import { applyCertificateEnding, applyCheckinDecision, applyCityGrantToReporting, applyGrantRefusal, applyRosterEventToReporting, applySeatsToReporting, applyTaskReviewToInbox, reportingSchema } from '@tongxin/reporting';
import { applyRosterEventToIdentity, identitySchema } from '@tongxin/identity';
import { applyCheckinEvent, applyOutsideCheckinEvent, applyIdentityEventToRoster, applyLostContactProposal, applyTransferAccepted, confirmLedgerFromReport, noteContactFromEvent, rosterSchema } from '@tongxin/roster';
import { applyCityGrantToScoring, applyCopyEventToScoring, applyEventToScoring } from '@tongxin/scoring';
import { applyCityGrantToTasks, applyCopyEventToTasks, tasksSchema } from '@tongxin/tasks';
import type { BackgroundTurn } from './requests-first.ts';

type Consumer = (database: Database, event: DomainEvent) => Promise<unknown>;

/**
 * Which consumers hear each outbox (design.md, Events). Each ignores the topics it does not
 * handle and applies an event id once, so delivering everything to everyone is safe.
 * - roster's: roster itself (a transfer another county accepted closes the origin record),
 *   reporting's copy of the members and its check-ins (a grant roster refused, for a
 *   destination closed meanwhile, refuses the check-in), and tasks' and scoring's copies of
 *   members and orgs and of check-ins whose grant stands (@tongxin/copies), scoring's
 *   points for a check-in once its grant is written, and the inboxes, which hear an activity
 *   certificate ending soon (reporting);
 * - reporting's: roster (a check-in accepted or ended writes or revokes the ledger grant;
 *   "ledger unchanged" in a monthly report confirms the ledger; the escalation ladder's
 *   lost-contact proposal waits for a secretary in roster; a destination outside Tongxin
 *   confirming or an ended one fills or clears the ledger's destination), reporting itself (the member's
 *   inbox hears a destination county's decision), tasks' and scoring's copies (an ended
 *   check-in removes its copy; the copy itself follows roster's `roster.checkin_granted`),
 *   and scoring's points for reports, check-ins, meetings and suggestions;
 * - tasks': scoring's points for claims (and their withdrawal) and approved completions,
 *   and the member's inbox, which hears a completion approved or sent back (reporting);
 * - identity's: roster (an activated account links its member, a closed one unlinks it; a
 *   new county gets its committee and department orgs; a county gone live lists its flow
 *   organizations in the directory), and every service that decides about members keeps a
 *   copy of the secretary seats from `identity.seats_changed` (roster, reporting, tasks,
 *   scoring: the level above decides, issue 13 C), and every service with rollups keeps a
 *   copy of the counties' grants to their city from `identity.city_grant_changed` (roster in
 *   its own identity consumer; reporting, tasks, scoring: the city's read of the rollups,
 *   issue 15). Identity in turn keeps its people and
 *   orgs from roster's outbox (and closes the account of a member transferred out).
 */
export const RELAYS: { name: string; outbox: OutboxTable; consumers: Consumer[] }[] = [
  {
    name: 'roster',
    outbox: rosterSchema.outbox,
    consumers: [applyTransferAccepted, applyRosterEventToReporting, applyGrantRefusal, applyCertificateEnding, applyCopyEventToTasks, applyCopyEventToScoring, applyRosterEventToIdentity, applyEventToScoring],
  },
  {
    name: 'reporting',
    outbox: reportingSchema.outbox,
    consumers: [applyCheckinEvent, applyOutsideCheckinEvent, confirmLedgerFromReport, noteContactFromEvent, applyCheckinDecision, applyLostContactProposal, applyCopyEventToTasks, applyCopyEventToScoring, applyEventToScoring],
  },
  { name: 'tasks', outbox: tasksSchema.outbox, consumers: [applyEventToScoring, applyTaskReviewToInbox] },
  {
    name: 'identity',
    outbox: identitySchema.outbox,
    consumers: [
      (database, event) => applyIdentityEventToRoster(database, event),
      applySeatsToReporting,
      applyCopyEventToTasks,
      applyCopyEventToScoring,
      applyCityGrantToReporting,
      applyCityGrantToTasks,
      applyCityGrantToScoring,
    ],
  },
];

/**
 * Members whose events an outbox delivers at once (issue 16: one at a time, the relay fell
 * behind a sustained load). On a server the relay's consumers have pools of their own
 * (configured-database.ts), sized for these lanes.
 */
const LANES = 8;

/** One batch of one outbox to its consumers; the number of events delivered. */
function relayBatch(database: Database, { outbox, consumers }: (typeof RELAYS)[number], batch: number): Promise<number> {
  return relayOutbox(database, outbox, async (event) => {
    // The consumers of one event are other services' own tables: independent of each
    // other, so they run side by side; each still sees this outbox's events in order.
    const results = await Promise.allSettled(consumers.map((consume) => consume(database, event)));
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  }, batch, LANES);
}

/**
 * Delivers one batch of every outbox; the number of events delivered. The outboxes are
 * drained side by side (each in order): no consumer relies on an order across outboxes.
 * With `turn` (PGlite, where requests share the one connection: requests-first.ts) they are
 * drained one after another, one event at a time, each after its turn.
 */
export async function relayOnce(database: Database, batch = 100, turn?: BackgroundTurn): Promise<number> {
  if (turn) return relayInTurns(database, batch, turn);
  const rounds = await Promise.allSettled(RELAYS.map((relay) => relayBatch(database, relay, batch)));
  const failed = rounds.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  return rounds.reduce((sum, r) => sum + (r.status === 'fulfilled' ? r.value : 0), 0);
}

async function relayInTurns(database: Database, batch: number, turn: BackgroundTurn): Promise<number> {
  let total = 0;
  let failure: { error: unknown } | undefined;
  for (const { outbox, consumers } of RELAYS) {
    try {
      await turn();
      total += await relayOutbox(database, outbox, async (event) => {
        // One turn per event (its consumers' few short transactions together): a turn per
        // consumer halved the relay's pace under a steady stream of requests, for requests
        // that wait a few milliseconds less.
        await turn();
        // As side by side: every consumer hears the event, then the first failure stops this outbox.
        let failed: { error: unknown } | undefined;
        for (const consume of consumers) await consume(database, event).catch((error: unknown) => void (failed ??= { error }));
        if (failed) throw failed.error;
      }, batch, 1);
    } catch (error) {
      failure ??= { error };
    }
  }
  if (failure) throw failure.error;
  return total;
}

/** Until nothing is left (tests and the seed); at most `rounds` batches. */
export async function relayAll(database: Database, rounds = 1000): Promise<number> {
  let total = 0;
  for (let i = 0; i < rounds; i++) {
    const delivered = await relayOnce(database);
    total += delivered;
    if (delivered === 0) break;
  }
  return total;
}

/** The channel the outboxes' statement triggers notify at commit (each service's schema/notify-outbox.sql). */
export const OUTBOX_CHANNEL = 'tongxin_outbox';

/**
 * How often an idle relay looks for new events. Where the driver can LISTEN, a commit that
 * wrote events wakes the relay at once and the poll is only the fallback (a lost listening
 * connection, the Neon driver): then it is the floor of the lag from commit to effect.
 */
const IDLE_MS = 250;
const IDLE_MS_LISTENING = 2000;

/**
 * On Node a poller drains the outboxes, woken by the outboxes' notifications. On a server each
 * outbox has its own loop (issue 16: in one loop for all, every round waited for the slowest
 * outbox, a report's nine consumers, while claims' points waited behind it); on PGlite
 * (`turn`) one loop takes them in turns. A loop's next round starts when its round ends, so
 * two rounds never deliver one outbox's batch at once; a round that found work, or was woken
 * while it ran, runs again at once.
 */
export function startRelays(database: Database, idle = { polling: IDLE_MS, listening: IDLE_MS_LISTENING }, turn?: BackgroundTurn) {
  let stopping = false;
  let listening = false;
  const rounds: { name: string; relayRound: () => Promise<number> }[] = turn
    ? [{ name: 'all', relayRound: () => relayOnce(database, undefined, turn) }]
    : RELAYS.map((relay) => ({ name: relay.name, relayRound: () => relayBatch(database, relay, 100) }));
  const loops = rounds.map(({ name, relayRound }) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let running = false;
    let woken = false;
    const round = async () => {
      running = true;
      woken = false;
      let delivered = 0;
      try {
        delivered = await relayRound();
      } catch (error) {
        // A batch cut short by shutdown is delivered again at the next start (at least once).
        if (!stopping) console.error(`outbox relay (${name}) failed:`, error instanceof Error ? error.name : error);
      }
      running = false;
      if (!stopping) timer = setTimeout(round, delivered > 0 || woken ? 0 : listening ? idle.listening : idle.polling);
    };
    // The first round at once: what was left at the last stop is delivered first.
    timer = setTimeout(round, 0);
    return {
      wake() {
        if (running) woken = true;
        else {
          clearTimeout(timer);
          timer = setTimeout(round, 0);
        }
      },
      stop: () => clearTimeout(timer),
    };
  });
  const wake = () => {
    if (!stopping) for (const loop of loops) loop.wake();
  };
  const unlisten = database.listen?.(OUTBOX_CHANNEL, wake).then(
    (stop) => ((listening = true), stop),
    (error: Error & { code?: string }) => void console.error(`outbox relay: not listening (${error.code ?? error.message}), polling every ${idle.polling} ms`),
  );
  return {
    async stop() {
      stopping = true;
      for (const loop of loops) loop.stop();
      const stop = await unlisten;
      await stop?.();
    },
  };
}
