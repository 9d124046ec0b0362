import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// The app is started as `npm start` starts it, on a fresh data folder per run (so the
// demo is seeded anew and no lock or session of an earlier run remains). Playwright
// evaluates this file again in each worker: the folder is created once, in the runner,
// and handed to the workers (and the tests, which edit remotes.json) through the env.
if (!process.env.E2E_DATA_DIR) {
  const created = mkdtempSync(join(tmpdir(), 'tongxin-e2e-'));
  process.env.E2E_DATA_DIR = created;
  // Removed when the runner exits (the app is stopped by then); E2E_KEEP_DATA=1 keeps it.
  if (!process.env.E2E_KEEP_DATA) process.on('exit', () => rmSync(created, { recursive: true, force: true }));
}
const dataDir = process.env.E2E_DATA_DIR;
const port = Number(process.env.E2E_PORT ?? 3210);
process.env.E2E_BASE_URL = `http://127.0.0.1:${port}`;
// PGlite in the data folder, never a configured PostgreSQL.
delete process.env.DATABASE_URL;

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results/artifacts',
  // One app shared by every journey, on a 2-core machine.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: process.env.E2E_BASE_URL,
    locale: 'zh-CN',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
          // Root user, closed network: no sandbox, nothing phoning home.
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  webServer: {
    command: 'node --import tsx ../infra/runner/src/start.ts',
    cwd: import.meta.dirname,
    url: `${process.env.E2E_BASE_URL}/api/identity/health`,
    env: { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_DEMO: 'true' },
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
