import { chinaDate } from '@tongxin/calendar';
import type { Database } from '@tongxin/db';
import { runEscalation } from '@tongxin/reporting';
import { lapseCertificates, proposeLostContact, proposePlacements } from '@tongxin/roster';
import type { BlobStore } from '@tongxin/storage';
import { removeUnattachedPhotos } from '@tongxin/tasks';
import type { BackgroundTurn } from './requests-first.ts';
import { markCurrentMonths } from './rollups/rollup-specs.ts';

const HOUR = 60 * 60 * 1000;

/**
 * Once at start and then once per China calendar day: the roster's 6-month rule proposes
 * placements and 失联 for mobile members without contact for 6 months (`proposeLostContact`),
 * activity certificates past their end date lapse and those ending soon are
 * announced for the reminders (roster's `lapseCertificates`), and reporting's escalation ladder reminds, creates contact tasks and proposes
 * lost contact; tasks' evidence photos no completion named within a day of upload are removed
 * (`blobs`, when the host stores files); every county's rollups of the month now running are marked for a refresh. Checked hourly, so a host asleep at midnight catches up when it wakes; the job
 * itself is idempotent, so a second run on one day proposes nothing new.
 */
export function scheduleDailyJobs(database: Database, options: { now?: () => Date; blobs?: BlobStore; turn?: BackgroundTurn } = {}) {
  const now = options.now ?? (() => new Date());
  // Each part waits its turn behind requests (PGlite: requests-first.ts).
  const turn = options.turn ?? (async () => undefined);
  let lastDay: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = async () => {
    // Once per Beijing calendar day: 00:30 Beijing time is still the day before in UTC.
    const day = chinaDate(now());
    if (day !== lastDay) {
      try {
        await turn();
        const results = await proposePlacements(database, now());
        const proposed = results.reduce((sum, r) => sum + r.proposed, 0);
        if (proposed > 0) console.log(`6-month rule: ${proposed} placement(s) proposed`);
        const lost = (await proposeLostContact(database, now())).reduce((sum, r) => sum + r.proposed, 0);
        if (lost > 0) console.log(`lost contact: ${lost} member(s) without contact for 6 months proposed`);
        const certificates = await lapseCertificates(database, now());
        const lapsed = certificates.reduce((sum, r) => sum + r.lapsed, 0);
        const ending = certificates.reduce((sum, r) => sum + r.reminded, 0);
        if (lapsed + ending > 0) console.log(`activity certificates: ${lapsed} lapsed, ${ending} ending soon announced`);
        await turn();
        const ladder = await runEscalation(database, now());
        const reminded = ladder.reduce((sum, r) => sum + r.reminded, 0);
        const tasks = ladder.reduce((sum, r) => sum + r.tasksCreated, 0);
        if (reminded + tasks > 0) console.log(`monthly reports: ${reminded} reminder(s), ${tasks} contact task(s)`);
        if (options.blobs) {
          await turn();
          const swept = await removeUnattachedPhotos(database, options.blobs, now());
          if (swept.removed > 0) console.log(`evidence photos: ${swept.removed} never attached to a completion removed`);
        }
        // Stock figures change with the date alone (a ledger turns 30 days old, a month begins).
        await turn();
        await markCurrentMonths(database, now());
        lastDay = day;
      } catch (error) {
        console.error('daily jobs failed:', error instanceof Error ? error.name : error);
      }
    }
    timer = setTimeout(tick, HOUR);
  };
  timer = setTimeout(tick, 0);
  return { stop: () => clearTimeout(timer) };
}
