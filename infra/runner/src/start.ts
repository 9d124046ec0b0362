import { serve } from '@hono/node-server';
import { migrateAll, relayOutbox } from '@tongxin/db';
import { applyRosterEvent } from '@tongxin/scoring';
import { applyCheckinDecision, applyGrantRefusal, applyRosterEventToReporting, reportingSchema } from '@tongxin/reporting';
import { applyCheckinEvent, applyLostContactProposal, applyTransferAccepted, confirmLedgerFromReport, rosterSchema } from '@tongxin/roster';
import { loadOrCreateAccessKeys } from './access-keys.ts';
import { openConfiguredDatabase } from './configured-database.ts';
import { env } from './env.ts';
import { scheduleDailyJobs } from './daily-jobs.ts';
import { createNodeApp } from './node-app.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed/demo-accounts.ts';
import { isEmpty, seedDemo } from './seed/seed-demo.ts';
import { serviceMigrations } from './services.ts';

// `npm start`: every service (and the built frontends) on one port.
const { database, proxy } = await openConfiguredDatabase();
await migrateAll(database, serviceMigrations).catch((error: Error & { code?: string }) => {
  // The URL may hold a password: name only the host.
  const where = env.DATABASE_URL ? new URL(env.DATABASE_URL).host : env.DATA_DIR;
  console.error(`Cannot prepare the database at ${where}: ${error.code ?? error.cause ?? error.message}`);
  process.exit(1);
});
const firstStart = env.SEED_DEMO === 'true' && (await isEmpty(database));
if (firstStart) await seedDemo(database, (line) => process.stdout.write(`\r${line}   `));
if (firstStart) process.stdout.write('\n');

const keys = await loadOrCreateAccessKeys(env.DATA_DIR);
const deps = { database, keys, now: () => new Date(), secureCookies: env.PUBLIC_URL?.startsWith('https:') ?? false };
const app = createNodeApp({ dataDir: env.DATA_DIR });
const server = serve({ fetch: (request) => app.fetch(request, { deps }), port: env.PORT, hostname: env.HOST });

// On Node a poller drains the outboxes into their consumers (design.md, Events); each
// consumer ignores the topics it does not handle and applies each event once.
// - roster's: scoring's members, roster itself (a transfer another county accepted closes
//   the origin record), reporting's copy of the members and its check-ins (a grant roster
//   refused, for a destination closed meanwhile, refuses the check-in);
// - reporting's: roster (a check-in accepted or ended writes or revokes the ledger grant;
//   "ledger unchanged" in a monthly report confirms the ledger; the escalation ladder's
//   lost-contact proposal waits for a secretary in roster) and reporting itself (the
//   member's inbox hears a destination county's decision).
// The next run is scheduled when this one ends, so two relays never deliver a batch at once.
const relays = [
  { outbox: rosterSchema.outbox, consumers: [applyRosterEvent, applyTransferAccepted, applyRosterEventToReporting, applyGrantRefusal] },
  { outbox: reportingSchema.outbox, consumers: [applyCheckinEvent, confirmLedgerFromReport, applyCheckinDecision, applyLostContactProposal] },
];
let relay: ReturnType<typeof setTimeout> | undefined;
let stopping = false;
const relayOnce = async () => {
  for (const { outbox, consumers } of relays) {
    try {
      await relayOutbox(database, outbox, async (event) => {
        for (const consume of consumers) await consume(database, event);
      });
    } catch (error) {
      // A batch cut short by shutdown is delivered again at the next start (at least once).
      if (!stopping) console.error('outbox relay failed:', error instanceof Error ? error.name : error);
    }
  }
  if (!stopping) relay = setTimeout(relayOnce, 1000);
};
relay = setTimeout(relayOnce, 1000);
const dailyJobs = scheduleDailyJobs(database);

const url = `http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${env.PORT}`;
console.log(`Tongxin is running at ${url} (database: ${database.kind}${database.kind === 'postgres' ? `, driver ${database.driver}` : `, data in ${env.DATA_DIR}`})`);
console.log(`Demo accounts (password ${DEMO_PASSWORD}):`);
for (const a of DEMO_ACCOUNTS) console.log(`  county ${a.tenantId}  account ${a.username}  ${a.role.padEnd(18)} ${a.name}`);

const shutdown = async () => {
  stopping = true;
  clearTimeout(relay);
  dailyJobs.stop();
  server.close();
  await database.close();
  await proxy?.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
