import { expect, test } from '../src/test.ts';
import { accounts, logIn } from '../src/journeys.ts';

// Issue 18: a manifest, and a service worker that precaches the shell and the member remote's
// build (not the staff remotes), so the page opens offline.
test('the member portal is installable and its service worker keeps the shell and the member remote, not the staff remotes', async ({ page }) => {
  const manifest = await page.request.get('/manifest.webmanifest');
  expect(manifest.ok()).toBe(true);
  const body = (await manifest.json()) as { start_url: string; display: string; icons: { sizes: string }[] };
  expect(body).toMatchObject({ start_url: '/member', display: 'standalone' });
  expect(body.icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  const worker = await page.request.get('/sw.js');
  expect(worker.headers()['cache-control']).toBe('no-cache');

  await logIn(page, accounts.member);
  await expect(page.getByRole('heading', { level: 1, name: '我的信息' })).toBeVisible();
  // Installed and in control once the precache is complete.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null || location.reload()), { timeout: 30_000 }).toBe(true);
  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
    return urls;
  });
  expect(cached).toEqual(expect.arrayContaining(['/index.html', '/remotes/member/remoteEntry.js', '/manifest.webmanifest']));
  expect(cached.some((url) => /^\/assets\/index-.*\.js$/.test(url))).toBe(true);
  expect(cached.filter((url) => /^\/remotes\/(secretary|department|operator)\//.test(url))).toEqual([]);
});
