import { expect, test } from '../src/test.ts';
import { accounts, logIn, shot } from '../src/journeys.ts';

test('logout ends the session: Back shows the login page', async ({ page }) => {
  await logIn(page, accounts.member);
  await expect(page.getByRole('heading', { level: 1, name: '我的信息' })).toBeVisible();

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '登录' })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('navigation', { name: '主导航' })).toHaveCount(0);

  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: '登录' })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('heading', { name: '我的信息' })).toHaveCount(0);
  await expect(page.getByText('当前用户：李明')).toHaveCount(0);
  await shot(page, '07-after-logout-back');

  // A fresh load of a protected address also asks to log in, and remembers where to return.
  await page.goto('/member');
  await expect(page).toHaveURL(/\/login\?next=%2Fmember$/);
  await expect(page.getByRole('heading', { level: 1, name: '登录' })).toBeVisible();
  // The server forgot the session too.
  expect((await page.request.get('/api/roster/trpc/members.me')).status()).toBe(401);
});
