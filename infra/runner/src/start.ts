import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { developmentChannel } from '@tongxin/sms/development';
import { tencentSmsChannel } from '@tongxin/sms/tencent';
import { localDiskStore } from '@tongxin/storage/local-disk';
import { migrateAll } from '@tongxin/db';
import { ensureSetupLink } from '@tongxin/identity';
import { loadOrCreateAccessKeys } from './access-keys.ts';
import { openConfiguredDatabase } from './configured-database.ts';
import { env } from './env.ts';
import { scheduleDailyJobs } from './daily-jobs.ts';
import { loadOrCreateMasterKey } from './master-key.ts';
import { createNodeApp } from './node-app.ts';
import { startRelays } from './relays.ts';
import { requestsFirst } from './requests-first.ts';
import { scheduleRollups } from './rollups/rollup-specs.ts';
import { DEMO_ACCOUNTS, DEMO_CITY_ACCOUNT, DEMO_OPERATOR, DEMO_PASSWORD } from './seed/demo-accounts.ts';
import { backfillCopies, backfillIdentityCopies, backfillSeats } from './seed/seed-copies.ts';
import { isEmpty, seedDemo } from './seed/seed-demo.ts';
import { serviceMigrations } from './services.ts';

// `npm start`: every service (and the built frontends) on one port.
const { database, relayDatabase, proxy } = await openConfiguredDatabase({ relay: true });
await migrateAll(database, serviceMigrations).catch((error: Error & { code?: string }) => {
  // The URL may hold a password: name only the host.
  const where = env.DATABASE_URL ? new URL(env.DATABASE_URL).host : env.DATA_DIR;
  console.error(`Cannot prepare the database at ${where}: ${error.code ?? error.cause ?? error.message}`);
  process.exit(1);
});
const backfilled = await backfillCopies(database);
if (backfilled.length > 0) console.log(`copied the orgs and members of ${backfilled.length} county(ies) for tasks and scoring`);
const identityBackfilled = await backfillIdentityCopies(database);
if (identityBackfilled.length > 0) console.log(`copied the people and orgs of ${identityBackfilled.length} county(ies) for identity`);
const seatsBackfilled = await backfillSeats(database);
if (seatsBackfilled.length > 0) console.log(`copied the secretary seats of ${seatsBackfilled.length} county(ies) for the deciding services`);
const firstStart = env.SEED_DEMO === 'true' && (await isEmpty(database));
if (firstStart) await seedDemo(database, (line) => process.stdout.write(`\r${line}   `));
if (firstStart) process.stdout.write('\n');

const keys = await loadOrCreateAccessKeys(env.DATA_DIR);
// Task evidence photos on disk beside the database (an edge deployment brings object storage).
const blobs = localDiskStore(join(env.DATA_DIR, 'blobs'));
// Codes and invitations: a county's own SMS provider, else the development channel's message
// log (the only place a code may be written).
const messages = {
  masterKey: await loadOrCreateMasterKey(env.DATA_DIR, env.TONGXIN_MASTER_KEY),
  development: developmentChannel(join(env.DATA_DIR, 'messages.log')),
  tencent: tencentSmsChannel,
};
const url = `http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${env.PORT}`;
const publicUrl = env.PUBLIC_URL?.replace(/\/$/, '') ?? url;
const deps = {
  database, keys, blobs, messages, publicUrl, trustedProxies: env.TRUSTED_PROXIES, now: () => new Date(), secureCookies: env.PUBLIC_URL?.startsWith('https:') ?? false,
};
const app = createNodeApp({ dataDir: env.DATA_DIR });
const requests = requestsFirst();
// The socket peer is the client address (forwarded headers only from TRUSTED_PROXIES).
const server = serve({
  fetch: (request, node) => requests.track(() => app.fetch(request, { deps, peerAddress: node.incoming.socket?.remoteAddress })),
  port: env.PORT,
  hostname: env.HOST,
});

// On PGlite the background work shares the one connection (and this thread) with the
// requests: it goes a transaction at a time, after them (requests-first.ts, issue 18). On a
// server it has connections of its own.
const turn = database.kind === 'pglite' ? requests.turn : undefined;
// On Node a poller, woken by the outboxes' notifications, drains them into their consumers
// (relays.ts lists them), on pools of its own on a server (configured-database.ts).
const relays = startRelays(relayDatabase, undefined, turn);
const dailyJobs = scheduleDailyJobs(database, { blobs, turn });
// The department's figures follow the changes within a minute (rollup-specs.ts).
const rollups = scheduleRollups(database, { turn });

console.log(`Tongxin is running at ${url} (database: ${database.kind}${database.kind === 'postgres' ? `, driver ${database.driver}` : `, data in ${env.DATA_DIR}`})`);
// A database without an operator (production, SEED_DEMO=false): the first operator's
// single-use setup link, printed this once and nowhere else (only its hash is stored).
const setupLink = await ensureSetupLink(database, new Date());
if (setupLink) console.log(`No platform operator yet. Open this link within 24 hours to create one (it works once):\n  ${publicUrl}${setupLink}`);
if (env.SEED_DEMO === 'true') {
  console.log(`Demo accounts (password ${DEMO_PASSWORD}):`);
  console.log(`  platform ${DEMO_OPERATOR.username.padEnd(11)}  operator           ${DEMO_OPERATOR.name}`);
  for (const a of DEMO_ACCOUNTS) console.log(`  county ${a.tenantId}  account ${a.username}  ${a.role.padEnd(18)} ${a.name}`);
  console.log(`  city   ${DEMO_CITY_ACCOUNT.tenantId}  account ${DEMO_CITY_ACCOUNT.username}  ${'department'.padEnd(18)} ${DEMO_CITY_ACCOUNT.name}`);
}

const shutdown = async () => {
  await relays.stop();
  dailyJobs.stop();
  rollups.stop();
  server.close();
  await database.close();
  if (relayDatabase !== database) await relayDatabase.close();
  await proxy?.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
