import { expect, test } from '../src/test.ts';
import { accounts, logIn, shot } from '../src/journeys.ts';

test('a member cannot reach the secretary view, in the shell or through the API', async ({ page }) => {
  await logIn(page, accounts.member);
  const nav = page.getByRole('navigation', { name: '主导航' });
  await expect(nav.getByRole('link')).toHaveText(['我的']);
  await expect(page.getByRole('link', { name: '党员管理' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: '组织部' })).toHaveCount(0);

  // Typing the address leads back to the member's own view.
  await page.goto('/secretary');
  await expect(page).toHaveURL(/\/member$/);
  await expect(page.getByRole('heading', { level: 1, name: '我的信息' })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await shot(page, '05-member-no-secretary-view');

  // The secretary procedure itself, with the member's session cookies.
  const response = await page.request.get('/api/roster/trpc/members.list?input=%7B%7D');
  expect(response.status()).toBe(403);
  expect(await response.text()).toContain('FORBIDDEN');
  // While the member's own procedure answers.
  expect((await page.request.get('/api/roster/trpc/members.me')).status()).toBe(200);
});
