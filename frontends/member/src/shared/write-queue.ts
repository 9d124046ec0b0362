import { createSignal } from 'solid-js';
import { currentAccount, identity, reporting, roster, tasks } from '@tongxin/api-client';
import { accountWrites, failureAction, refusalOf, removeWrite, retryDelayMs, saveWrite, type QueuedWrite } from '@tongxin/offline';
import { newIdempotencyKey } from '@tongxin/ui';
import type { CompletionWrite } from '../tasks/queued-completion.ts';

type ReportInput = Omit<Parameters<typeof reporting.monthlyReports.submit.mutate>[0], 'idempotencyKey'>;
type SuggestionInput = Omit<Parameters<typeof reporting.suggestions.send.mutate>[0], 'idempotencyKey'>;
type RespondInput = Parameters<typeof reporting.meetings.respond.mutate>[0];
type CheckinInput = Omit<Parameters<typeof reporting.checkins.request.mutate>[0], 'idempotencyKey'>;
type OutflowInput = Omit<Parameters<typeof roster.mobility.fileOutflow.mutate>[0], 'idempotencyKey'>;
type ReturnInput = Omit<Parameters<typeof roster.mobility.fileReturn.mutate>[0], 'idempotencyKey'>;
/** Records a write's progress part way (a completion's photo uploaded): the input to send from now on. */
type Keep = (input: unknown) => Promise<void>;

/**
 * The member's writes that may wait in the queue, and how each is sent: always with the
 * idempotency key it was made with, so the server applies it once however often it goes.
 */
const senders = {
  'report.submit': (input: unknown, idempotencyKey: string) => reporting.monthlyReports.submit.mutate({ ...(input as ReportInput), idempotencyKey }),
  'task.claim': (input: unknown, idempotencyKey: string) => tasks.claims.claim.mutate({ ...(input as { taskId: string }), idempotencyKey }),
  'suggestion.send': (input: unknown, idempotencyKey: string) => reporting.suggestions.send.mutate({ ...(input as SuggestionInput), idempotencyKey }),
  'ledger.confirm': (_input: unknown, idempotencyKey: string) => roster.ledger.confirmMine.mutate({ idempotencyKey }),
  'checkin.request': (input: unknown, idempotencyKey: string) => reporting.checkins.request.mutate({ ...(input as CheckinInput), idempotencyKey }),
  // 外出登记 / 返乡登记 (issue 17): requests the branch confirms.
  'mobility.outflow': (input: unknown, idempotencyKey: string) => roster.mobility.fileOutflow.mutate({ ...(input as OutflowInput), idempotencyKey }),
  'mobility.return': (input: unknown, idempotencyKey: string) => roster.mobility.fileReturn.mutate({ ...(input as ReturnInput), idempotencyKey }),
  // These set one state: a repeat changes nothing, so the server takes no key for them.
  'claim.withdraw': (input: unknown) => tasks.claims.withdraw.mutate(input as { claimId: string }),
  'meeting.respond': (input: unknown) => reporting.meetings.respond.mutate(input as RespondInput),
  'mobility.withdraw': (input: unknown) => roster.mobility.withdrawRequest.mutate(input as { requestId: string }),
  // A completion with its photos (issue 18): the photos upload first, each kept as uploaded as
  // it goes. Its code (the tasks page's upload) loads only when a completion is sent, which can
  // be from any page once the network is back.
  'task.complete': (input: unknown, idempotencyKey: string, keep: Keep) =>
    import('../tasks/queued-completion.ts').then(({ sendCompletion }) =>
      sendCompletion(input as CompletionWrite, idempotencyKey, keep, { submit: (completion) => tasks.completions.submit.mutate(completion), refresh: () => identity.auth.refresh.mutate() })),
} satisfies Record<string, (input: unknown, idempotencyKey: string, keep: Keep) => Promise<unknown>>;
export type WriteKind = keyof typeof senders;

const [writes, setWrites] = createSignal<readonly QueuedWrite[]>([]);
/** This account's queued writes, oldest first. */
export const queuedWrites = writes;

const settled = new Set<(write: QueuedWrite) => void>();
/** Called when a queued write was sent or refused, so a page reads its list again. */
export function onWriteSettled(listener: (write: QueuedWrite) => void): () => void {
  settled.add(listener);
  return () => settled.delete(listener);
}

async function reload() {
  const account = currentAccount();
  setWrites(account ? await accountWrites(account).catch(() => []) : []);
}

/**
 * Sends a write now; when it gets no answer, the session has ended or the server fails, keeps
 * it in the queue (with the same key) instead. A refusal (bad input, the task full) is thrown
 * for the form to show, as before.
 */
export async function sendOrQueue<O>(
  kind: WriteKind,
  input: unknown,
  about: { label: string; subject: string; idempotencyKey?: string },
): Promise<{ sent: O } | { queued: QueuedWrite }> {
  const idempotencyKey = about.idempotencyKey ?? newIdempotencyKey();
  const account = currentAccount();
  // What is queued if this try fails part way: the photos it uploaded by then go as their ids.
  let rest = input;
  if (navigator.onLine !== false || !account) {
    try {
      return { sent: (await senders[kind](input, idempotencyKey, async (progress) => void (rest = progress))) as O };
    } catch (error) {
      if (!account || failureAction(error) === 'refused') throw error;
    }
  }
  const write: QueuedWrite = {
    id: newIdempotencyKey(), account: account!, kind, input: rest, idempotencyKey, label: about.label, subject: about.subject,
    createdAt: new Date().toISOString(), state: 'waiting', attempts: 0,
  };
  await saveWrite(write);
  await reload();
  schedule();
  return { queued: write };
}

/** Forgets a refused write once the member has read why. */
export async function dismissWrite(write: QueuedWrite) {
  await removeWrite(write);
  await reload();
}

let flushing: Promise<void> | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

/** Sends what waits, oldest first; stops at the first that gets no answer (still offline, or logged out). */
export function flushQueue(): Promise<void> {
  flushing ??= (async () => {
    const account = currentAccount();
    if (!account) return;
    for (const write of await accountWrites(account).catch(() => [])) {
      if (write.state !== 'waiting' || (write.retryAt && Date.parse(write.retryAt) > Date.now())) continue;
      const send = senders[write.kind as WriteKind];
      if (!send) continue;
      // The write as it stands: a completion's photos, once uploaded, are kept as their ids.
      let current = write;
      const keep = async (input: unknown) => saveWrite((current = { ...current, input }));
      try {
        await send(write.input, write.idempotencyKey, keep);
        await removeWrite(write);
        for (const listener of settled) listener(write);
      } catch (error) {
        const action = failureAction(error);
        if (action === 'offline' || action === 'session') break;
        if (action === 'retry') {
          const attempts = current.attempts + 1;
          await saveWrite({ ...current, attempts, retryAt: new Date(Date.now() + retryDelayMs(attempts)).toISOString() });
          continue;
        }
        const refused: QueuedWrite = { ...current, state: 'refused', refusal: refusalOf(error) };
        await saveWrite(refused);
        for (const listener of settled) listener(refused);
      }
    }
  })().finally(async () => {
    flushing = null;
    await reload();
    schedule();
  });
  return flushing;
}

/** The next try: at the earliest backoff's end, and every 30 s while something waits (an `online` event can be missed). */
function schedule() {
  clearTimeout(timer);
  const waiting = writes().filter((write) => write.state === 'waiting');
  if (waiting.length === 0) return;
  const soonest = Math.min(...waiting.map((write) => (write.retryAt ? Date.parse(write.retryAt) : Date.now())));
  timer = setTimeout(() => void flushQueue(), Math.min(Math.max(soonest - Date.now(), 1_000), 30_000));
}

let started = false;
/** Once per page, when the member's view opens: what was queued before (a reload, a closed tab, the last login) is read and sent. */
export function startQueue() {
  if (!started) {
    started = true;
    window.addEventListener('online', () => void flushQueue());
  }
  void reload().then(flushQueue);
}
