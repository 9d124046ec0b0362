import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page, chromium as Chromium } from 'playwright-core';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../runner/src/seed/demo-accounts.ts';

const start = fileURLToPath(new URL('../../runner/src/start.ts', import.meta.url));
// playwright-core comes with the e2e workspace's @playwright/test (as measure-first-load.mjs takes it).
const require = createRequire(fileURLToPath(new URL('../../../e2e/package.json', import.meta.url)));

/**
 * What Lighthouse's mobile run emulates (issue 18): Slow 4G (150 ms RTT, 1.6 Mbit/s down,
 * 750 kbit/s up, in Lighthouse's units: 1,638.4 and 750 kbit/s) and a CPU 4 times slower,
 * on a 360 × 740 screen.
 */
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1638.4 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const CPU_SLOWDOWN = 4;
const member = DEMO_ACCOUNTS.find((account) => account.role === 'member')!;

/** `npm start` on PGlite in a fresh data folder, as a new user's first start: measured at once, while the seed's events drain. */
async function firstStart(port: number): Promise<{ base: string; child: ChildProcess; dataDir: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tongxin-bench-member-load-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_DEMO: 'true', NODE_ENV: 'production' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', start], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error('Tongxin exited during start-up');
    if (await fetch(`${base}/api/identity/health`).then((r) => r.ok, () => false)) return { base, child, dataDir };
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGTERM');
  throw new Error('Tongxin did not answer within 300 s');
}

/** A page under the emulation, counting the gzipped size of every script it fetches (as measure-first-load.mjs does). */
async function emulatedPage(context: BrowserContext) {
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  const scripts: Promise<number>[] = [];
  page.on('response', (response) => {
    const type = response.headers()['content-type'] ?? '';
    if (!/javascript/.test(type) && !/\.m?js(\?|$)/.test(response.url())) return;
    scripts.push(response.body().then((body) => gzipSync(body).length, () => 0));
  });
  return {
    page,
    scriptBytes: async () => (await Promise.all(scripts)).reduce((sum, n) => sum + n, 0),
    // The emulation is this page's: going offline must be said to it too.
    offline: () => cdp.send('Network.emulateNetworkConditions', { ...SLOW_4G, offline: true }),
  };
}

/** The page's largest contentful paint so far (ms from navigation start), and what it painted. */
async function largestPaint(page: Page): Promise<{ ms: number; element: string }> {
  return page.evaluate(
    () =>
      new Promise<{ ms: number; element: string }>((resolve) => {
        let last = { ms: 0, element: '' };
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { element?: Element | null })[]) {
            if (entry.startTime >= last.ms) last = { ms: Math.round(entry.startTime), element: entry.element?.outerHTML.slice(0, 80) ?? '' };
          }
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        setTimeout(() => resolve(last), 500);
      }),
  );
}

/**
 * For LOAD_TIMELINE: marks, in page time, of long tasks, paints, LCP candidates and the member
 * view's parts appearing. A string, not a function: tsx would wrap a function's inner
 * functions in a helper the page does not have.
 */
const TIMELINE_PROBE = `
  window.__timeline = [];
  const mark = (what) => window.__timeline.push(Math.round(performance.now()) + ' ' + what);
  const watch = (type, say) => new PerformanceObserver((list) => list.getEntries().forEach((e) => mark(say(e)))).observe({ type, buffered: true });
  watch('longtask', (e) => 'long task from ' + Math.round(e.startTime) + ', ' + Math.round(e.duration) + ' ms');
  watch('paint', (e) => e.name + ' at ' + Math.round(e.startTime));
  watch('largest-contentful-paint', (e) => 'LCP candidate at ' + Math.round(e.startTime) + ': ' + (e.element ? e.element.outerHTML.slice(0, 60) : ''));
  const seen = new Set();
  new MutationObserver(() => {
    for (const part of ['.loading', '.member-view', 'dl.facts', '#ledger-heading']) {
      if (!seen.has(part) && document.querySelector(part)) { seen.add(part); mark(part + ' on screen'); }
    }
  }).observe(document, { childList: true, subtree: true });
`;

const ready = (page: Page) => page.locator('dl.facts').first().waitFor();

/**
 * `member-load`: the member's first visit and repeat visit in headless Chromium under the
 * mobile emulation, against a first start of `npm start` (PGlite, fresh data: the relay is
 * still draining the seed's events). First visit: /member → the login page (its LCP), log in
 * as the demo member, the home page (the time from the login tap, and the gzipped JS of the
 * whole visit). Repeat visit: the service worker warm and the session alive, /member again
 * (its LCP). Then offline: /member must still show the home page from what the phone kept.
 */
export async function runMemberLoad(options: { port: number; log: (line: string) => void }): Promise<{ line: string }> {
  const { base, child, dataDir } = await firstStart(options.port);
  const { chromium } = require('playwright-core') as { chromium: typeof Chromium };
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const first = await emulatedPage(context);
    await first.page.goto(`${base}/member`);
    await first.page.getByRole('button', { name: '登录', exact: true }).waitFor();
    const { ms: lcp, element: lcpElement } = await largestPaint(first.page);
    await first.page.getByLabel('县（市、区）').selectOption(member.tenantId);
    await first.page.getByLabel('账号').fill(member.username);
    await first.page.getByLabel('密码').fill(DEMO_PASSWORD);
    const tapped = Date.now();
    await first.page.getByRole('button', { name: '登录', exact: true }).click();
    await ready(first.page);
    const home = Date.now() - tapped;
    // The page is done when no request has started for two seconds.
    let lastRequest = Date.now();
    first.page.on('request', () => (lastRequest = Date.now()));
    while (Date.now() - lastRequest < 2000) await new Promise((r) => setTimeout(r, 100));
    const firstLoadKb = (await first.scriptBytes()) / 1024;
    options.log(`first visit: login page LCP ${lcp} ms (${lcpElement}), login to home ${home} ms, ${firstLoadKb.toFixed(1)} KB gzipped JS`);

    // The service worker installs in the background (its precache), then controls the next load.
    await first.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await first.page.waitForFunction(() => caches.keys().then((keys) => keys.length > 0));
    await first.page.close();

    const repeat = await emulatedPage(context);
    // LOAD_TIMELINE=1: what the page did when (long tasks, paints, the view's parts appearing);
    // LOAD_PROFILE=<file>: the repeat visit's CPU profile (a .cpuprofile DevTools opens).
    if (process.env.LOAD_TIMELINE) await repeat.page.addInitScript({ content: TIMELINE_PROBE });
    const profiler = process.env.LOAD_PROFILE ? await context.newCDPSession(repeat.page) : null;
    if (profiler) {
      await profiler.send('Profiler.enable');
      await profiler.send('Profiler.setSamplingInterval', { interval: 200 });
      await profiler.send('Profiler.start');
    }
    await repeat.page.goto(`${base}/member`);
    await ready(repeat.page);
    const { ms: repeatLcp, element: repeatElement } = await largestPaint(repeat.page);
    if (profiler) {
      const { profile } = await profiler.send('Profiler.stop');
      await writeFile(process.env.LOAD_PROFILE!, JSON.stringify(profile));
    }
    const controlled = await repeat.page.evaluate(() => navigator.serviceWorker.controller !== null);
    if (process.env.LOAD_TIMELINE) {
      const timeline = await repeat.page.evaluate(() =>
        [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => {
          const r = e as PerformanceResourceTiming;
          return `${Math.round(r.startTime)}-${Math.round(r.responseEnd)} ${r.workerStart ? 'sw' : '  '} ${r.name.replace(location.origin, '').slice(0, 90)}`;
        }),
      );
      for (const line of timeline) options.log(`  ${line}`);
      for (const line of await repeat.page.evaluate(() => (window as unknown as { __timeline: string[] }).__timeline)) options.log(`  ${line}`);
    }
    options.log(`repeat visit: LCP ${repeatLcp} ms (${repeatElement}; service worker ${controlled ? 'in control' : 'not in control'})`);

    // Offline for the whole context (the service worker too), and for this page's emulation.
    await context.setOffline(true);
    await repeat.offline();
    const offline = await repeat.page
      .reload()
      .then(() => ready(repeat.page).then(() => repeat.page.getByText(/离线：显示的是/).first().waitFor({ timeout: 20_000 })))
      .then(() => true, () => false);
    if (!offline) await repeat.page.screenshot({ path: join(tmpdir(), 'member-load-offline.png') });
    options.log(`offline: the home page ${offline ? 'shows from what the phone kept' : 'did not show'}`);
    return { line: `LOAD member first_load_kb=${firstLoadKb.toFixed(1)} lcp_ms=${lcp} repeat_lcp_ms=${repeatLcp} offline_ok=${offline}` };
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await rm(dataDir, { recursive: true, force: true });
  }
}
