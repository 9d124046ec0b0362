import { expect, test } from '../src/test.ts';
import { accounts, fillLogin, logIn, shot } from '../src/journeys.ts';

test('an expired session returns the user to login, and logging in again brings them back where they were', async ({ page, context }) => {
  await logIn(page, accounts.department);
  await expect(page).toHaveURL(/\/department$/);
  await expect(page.locator('[data-figure="mobile"] .count')).toBeVisible();

  // The session ends (both cookies gone, as when it expires), then the page fetches again.
  await context.clearCookies();
  await page.reload();
  await expect(page).toHaveURL(/\/login\?next=%2Fdepartment$/);
  await expect(page.getByRole('heading', { level: 1, name: '登录' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: '主导航' })).toHaveCount(0);
  await shot(page, '11-session-expired-login');

  await fillLogin(page, accounts.department);
  await expect(page).toHaveURL(/\/department$/);
  await expect(page.getByRole('heading', { level: 1, name: '全县概况' })).toBeVisible();
  await expect(page.locator('[data-figure="mobile"] .count')).toBeVisible();
  await expect(page.getByText(`当前用户：${accounts.department.name}`)).toBeVisible();
  await shot(page, '11-session-expired-back');
});

test('a session that ends while the user moves between views says so on the login page, and login returns to that view', async ({ page, context }) => {
  // The member view asks for the inbox's unread count after the profile: let it finish, or
  // it meets the cleared session first and leads to login before the user moves. Waiting
  // for quiet alone was not enough on a loaded machine (CI): wait for that answer itself.
  const unreadCount = page.waitForResponse((response) => response.url().includes('notifications.unreadCount'));
  await logIn(page, accounts.secretary);
  await expect(page.getByRole('heading', { level: 1, name: '我的信息' })).toBeVisible();
  await unreadCount;
  await page.waitForLoadState('networkidle');

  await context.clearCookies();
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '党员管理' }).click();
  await expect(page).toHaveURL(/\/login\?next=%2Fsecretary$/);
  // The login page also has a status (loading the counties): pick the notice by its text.
  await expect(page.getByRole('status').filter({ hasText: '登录已过期' })).toHaveText('登录已过期，请重新登录');
  await shot(page, '11-session-ended-notice');

  await fillLogin(page, accounts.secretary);
  await expect(page).toHaveURL(/\/secretary$/);
  await expect(page.getByRole('heading', { level: 1, name: '党员名册' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '登录已过期' })).toHaveCount(0);
});
