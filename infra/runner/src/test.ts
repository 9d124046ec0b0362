import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { proxyAddressOf, startWsProxy } from '@tongxin/ws-proxy';
import { findChromium } from './chromium.ts';

// `npm test`: type check; lint; the suite on PGlite; with DATABASE_URL, the suite again on
// PostgreSQL through the Neon driver (via our WebSocket proxy) and through node-postgres;
// then the browser journeys. Ends with one "N passed, N failed" line.
const databaseUrl = process.env.DATABASE_URL;
const totals = { passed: 0, failed: 0 };
const outDir = await mkdtemp(join(tmpdir(), 'tongxin-test-'));

function run(command: string, args: string[], env: Record<string, string | undefined> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

async function vitestPass(label: string, env: Record<string, string | undefined>) {
  console.log(`\n=== tests on ${label} ===`);
  const report = join(outDir, `vitest-${label}.json`);
  const code = await run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], env);
  try {
    const result = JSON.parse(await readFile(report, 'utf8'));
    totals.passed += result.numPassedTests;
    totals.failed += result.numFailedTests + (code !== 0 && result.numFailedTests === 0 ? 1 : 0);
  } catch {
    totals.failed += 1; // the runner itself failed before reporting
  }
}

console.log('=== type check ===');
if ((await run('npx', ['turbo', 'run', 'typecheck', '--output-logs=errors-only'])) !== 0) totals.failed += 1;

// The linter (issue 14): no explicit any, features that stay in their folders, Solid's rules.
console.log('\n=== lint ===');
if ((await run('npm', ['run', 'lint', '--silent'])) !== 0) totals.failed += 1;

await vitestPass('pglite', { TEST_DB_DRIVER: 'pglite' });
if (databaseUrl) {
  const proxy = await startWsProxy({ allow: [proxyAddressOf(databaseUrl)] });
  await vitestPass('postgres-neon-driver', { TEST_DB_DRIVER: 'neon', NEON_WS_PROXY: `127.0.0.1:${proxy.port}/v2` });
  await proxy.close();
  await vitestPass('postgres-pg-driver', { TEST_DB_DRIVER: 'pg' });
} else {
  console.log('\nDATABASE_URL is not set: the PostgreSQL passes are skipped.');
}

console.log('\n=== browser journeys (Playwright, Chromium) ===');
const chromium = findChromium();
if (!chromium) totals.failed += 1;
else {
  const report = join(outDir, 'playwright.json');
  const code = await run('npm', ['run', 'test:e2e', '-w', '@tongxin/e2e', '--', '--reporter=list,json'], {
    CHROMIUM_PATH: chromium,
    PLAYWRIGHT_JSON_OUTPUT_NAME: report,
  });
  try {
    const { stats } = JSON.parse(await readFile(report, 'utf8'));
    totals.passed += stats.expected;
    totals.failed += stats.unexpected + (code !== 0 && stats.unexpected === 0 ? 1 : 0);
  } catch {
    totals.failed += 1;
  }
}

console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);
