import { parseArgs } from 'node:util';
import { runClaim } from './scenario-claim.ts';
import { runDashboard } from './scenario-dashboard.ts';
import { runClaimHot } from './scenario-claim-hot.ts';
import { runEventLag } from './scenario-event-lag.ts';
import { runLogin } from './scenario-login.ts';
import { runMe } from './scenario-me.ts';
import { runMemberLoad } from './scenario-member-load.ts';
import { runReportBurst } from './scenario-report-burst.ts';
import { runReportSubmit } from './scenario-report-submit.ts';
import { runRosterPage } from './scenario-roster-page.ts';

// `npm run bench -- <scenario>`: not a test. Compares our stack with the raw query side by
// side in one run; the last line is `BENCH <scenario> throughput_ratio=… p99_ratio=…` at c=8.
// A scenario that checks an outcome rather than a ratio (report-burst) gives its own line.
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    driver: { type: 'string', default: 'pg' },
    seconds: { type: 'string', default: '5' },
    // dashboard's city: counties, members each, months of history.
    counties: { type: 'string', default: '10' },
    members: { type: 'string', default: '10000' },
    months: { type: 'string', default: '24' },
    // dashboard: measure on the city an earlier run seeded (its database is kept), without seeding again (an hour).
    reuse: { type: 'boolean', default: false },
  },
});
const scenarios = {
  dashboard: (o: Parameters<typeof runMe>[0]) =>
    runDashboard({ ...o, counties: Number(values.counties), members: Number(values.members), months: Number(values.months), reuse: values.reuse }),
  // Browser-side: PGlite and Chromium, no database URL or driver (its own LOAD line).
  'member-load': (o: Parameters<typeof runMe>[0]) => runMemberLoad(o),
  me: runMe, 'roster-page': runRosterPage, 'report-submit': runReportSubmit, 'report-burst': runReportBurst, claim: runClaim, 'claim-hot': runClaimHot, 'event-lag': runEventLag, login: runLogin,
} as const;
const requested = positionals.length > 0 ? positionals : Object.keys(scenarios);
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const driver = values.driver === 'neon' ? 'neon' : 'pg';

const lines: string[] = [];
for (const name of requested) {
  const run = scenarios[name as keyof typeof scenarios];
  if (!run) {
    console.error(`unknown scenario "${name}"; known: ${Object.keys(scenarios).join(', ')}`);
    process.exit(2);
  }
  console.log(`scenario ${name}: driver ${driver}, ${values.seconds} s per measurement`);
  const result = await run({ adminUrl, driver, durationMs: Number(values.seconds) * 1000, port: 39_000 + Math.floor(Math.random() * 900), log: console.log });
  if ('line' in result) {
    lines.push(result.line);
    continue;
  }
  lines.push(...(result.extraLines ?? []));
  const full = result.full.find((m) => m.concurrency === 8)!;
  const raw = result.raw.find((m) => m.concurrency === 8)!;
  lines.push(`BENCH ${name} throughput_ratio=${(full.throughput / raw.throughput).toFixed(2)} p99_ratio=${(full.p99 / raw.p99).toFixed(2)}`);
}
for (const line of lines) console.log(line);
process.exit(0);
