import { readFile, writeFile } from 'node:fs/promises';
import { expect, test } from '../src/test.ts';
import { accounts, logIn, remotesFile, shot } from '../src/journeys.ts';

test('a broken remote shows an error with Retry in its area, and the other views still work', async ({ page }) => {
  // The app writes remotes.json on the first request for it.
  const served = await page.request.get('/remotes.json');
  expect(served.status()).toBe(200);
  const original = await readFile(remotesFile(), 'utf8');
  const remotes = JSON.parse(original) as { name: string; url: string }[];
  expect(remotes.map((remote) => remote.name)).toContain('secretary');

  try {
    const broken = remotes.map((remote) => (remote.name === 'secretary' ? { ...remote, url: '/remotes/secretary-missing/remoteEntry.js' } : remote));
    await writeFile(remotesFile(), JSON.stringify(broken, null, 2));

    await logIn(page, accounts.secretary);
    const nav = page.getByRole('navigation', { name: '主导航' });
    await nav.getByRole('link', { name: '党员管理' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '党员管理' })).toBeVisible();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('“党员管理”页面加载失败。');
    await expect(alert.getByRole('button', { name: '重试' })).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
    await shot(page, '06-broken-remote');

    // The navigation and the other view keep working.
    await nav.getByRole('link', { name: '我的' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '我的信息' })).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: '曹建国' })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await shot(page, '06-other-view-works');

    // Back to the broken view: still broken; once the file is fixed, Retry loads it.
    await nav.getByRole('link', { name: '党员管理' }).click();
    await expect(alert).toContainText('“党员管理”页面加载失败。');
    await writeFile(remotesFile(), original);
    await alert.getByRole('button', { name: '重试' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '党员名册' })).toBeVisible();
    await expect(page.getByRole('table')).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await shot(page, '06-after-retry');
  } finally {
    await writeFile(remotesFile(), original);
  }
});
