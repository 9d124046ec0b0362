#!/usr/bin/env node
/**
 * Measures the JavaScript a member downloads on first load: open /member with an empty
 * cache (redirected to /login), log in as the demo member, wait until "my profile" shows,
 * and sum the gzipped size of every JS response the page fetched (shell + member remote).
 * Gzip is zlib's default level, the same as `gzip -c < file | wc -c`.
 *
 * Usage (from the repo root, after `npx turbo run build --filter='./frontends/*'`):
 *   node frontends/measure-first-load.mjs                # starts the app on a fresh data dir
 *   node frontends/measure-first-load.mjs http://127.0.0.1:3000   # measures a running app
 *   --returning: a member whose session is alive (logged in through the API, then opens
 *   /member: no login page); --json: machine-readable output; --department: the department's
 *   user (周秀英) opening /department, the department remote's first load.
 * The goal (design.md "Frontends") is ≤ 50 KB.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const asJson = args.includes('--json');
const returning = args.includes('--returning');
let baseUrl = args.find((arg) => !arg.startsWith('--'));
// `--department`: the department's home (周秀英 opens /department) instead of the member's.
const view = args.includes('--department')
  ? { path: '/department', account: { tenant: '431023', username: '13800000005', password: 'Tongxin-2026' }, ready: '.department h1', label: 'department overview' }
  : { path: '/member', account: { tenant: '431023', username: '13800000001', password: 'Tongxin-2026' }, ready: 'dl.facts', label: 'my profile' };
const member = view.account;

// playwright-core comes with the e2e workspace's @playwright/test.
const require = createRequire(join(root, 'e2e', 'package.json'));
const { chromium } = require('playwright-core');

let server;
let dataDir;
async function startApp() {
  dataDir = mkdtempSync(join(tmpdir(), 'tongxin-measure-'));
  const port = String(3300 + Math.floor(Math.random() * 500));
  // PGlite in a fresh folder (seeded with the demo), never a configured PostgreSQL.
  const env = { ...process.env, PORT: port, HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_DEMO: 'true' };
  delete env.DATABASE_URL;
  server = spawn(process.execPath, ['--import', 'tsx', 'infra/runner/src/start.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null) throw new Error(`the app exited (${server.exitCode})`);
    const ok = await fetch(`${url}/api/identity/health`).then((r) => r.ok, () => false);
    if (ok) return url;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the app did not start within 5 minutes');
}

function stopApp() {
  if (server && server.exitCode === null) server.kill('SIGTERM');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

try {
  baseUrl ??= await startApp();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    // A busy machine (the 2-core one the team shares) can take more than the default 30 s.
    page.setDefaultTimeout(120_000);
    const pending = [];
    // The page is done when no request has started for two seconds. (Playwright's
    // 'networkidle' never came for the department's page after the login's client-side
    // navigation, so the quiet is watched here.)
    let lastRequest = Date.now();
    page.on('request', () => (lastRequest = Date.now()));
    const files = new Map();
    page.on('response', (response) => {
      const type = response.headers()['content-type'] ?? '';
      const url = response.url();
      if (!/javascript/.test(type) && !/\.m?js(\?|$)/.test(url)) return;
      pending.push(
        response.body().then((body) => files.set(url, { raw: body.length, gzip: gzipSync(body).length })),
      );
    });
    if (returning) {
      const login = await context.request.post(`${baseUrl}/api/identity/trpc/auth.login`, {
        headers: { 'x-tongxin-request': '1', 'content-type': 'application/json' },
        data: { tenantId: member.tenant, username: member.username, password: member.password },
      });
      if (!login.ok()) throw new Error(`login through the API: HTTP ${login.status()}`);
      await page.goto(`${baseUrl}${view.path}`);
    } else {
      await page.goto(`${baseUrl}${view.path}`);
      await page.getByLabel('县（市、区）').selectOption(member.tenant);
      await page.getByLabel('账号').fill(member.username);
      await page.getByLabel('密码').fill(member.password);
      await page.getByRole('button', { name: '登录', exact: true }).click();
    }
    await page.locator(view.ready).first().waitFor({ timeout: 120_000 });
    while (Date.now() - lastRequest < 2000) await new Promise((resolve) => setTimeout(resolve, 100));
    await Promise.all(pending);

    const rows = [...files].map(([url, size]) => ({ file: new URL(url).pathname, ...size })).sort((a, b) => b.gzip - a.gzip);
    const total = rows.reduce((sum, row) => sum + row.gzip, 0);
    if (asJson) console.log(JSON.stringify({ totalGzip: total, files: rows }, null, 2));
    else {
      const kb = (n) => (n / 1024).toFixed(1).padStart(6);
      for (const row of rows) console.log(`${kb(row.gzip)} KB  ${kb(row.raw)} KB raw  ${row.file}`);
      console.log(`${kb(total)} KB gzipped JS in ${rows.length} files, ${returning ? 'returning member' : `login + ${view.label}`} (goal ≤ 50 KB)`);
    }
  } finally {
    await browser.close();
  }
} finally {
  stopApp();
}
