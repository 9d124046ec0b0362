import { expect, test } from '../src/test.ts';
import { accounts, logIn, seriousViolations, shot } from '../src/journeys.ts';

test('the login page and the member view have no serious accessibility violations', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByLabel('县（市、区）')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // With the form's errors shown as well.
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText('请选择县（市、区）')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await logIn(page, accounts.member);
  await expect(page.getByRole('heading', { level: 1, name: '我的信息' })).toBeVisible();
  await expect(page.getByRole('definition').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the member view fits a 360-px phone without horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/login');
  await expect(page.getByLabel('账号')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await logIn(page, accounts.member);
  await expect(page.getByRole('definition').filter({ hasText: '李明' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await shot(page, '08-member-360px');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My profile' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test('a member logs in with the keyboard alone', async ({ page }) => {
  await page.goto('/login');
  const tenant = page.getByLabel('县（市、区）');
  await expect(tenant).toBeVisible();

  // Tab through the page from the top until the county select has the focus.
  for (let n = 0; n < 10 && !(await tenant.evaluate((el) => el === document.activeElement)); n++) await page.keyboard.press('Tab');
  await expect(tenant).toBeFocused();
  for (let n = 0; n < 5 && (await tenant.inputValue()) !== accounts.member.tenant; n++) await page.keyboard.press('ArrowDown');
  await expect(tenant).toHaveValue(accounts.member.tenant);

  await page.keyboard.press('Tab');
  await expect(page.getByLabel('账号')).toBeFocused();
  await page.keyboard.type(accounts.member.username);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('密码')).toBeFocused();
  await page.keyboard.type('Tongxin-2026');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: '我的信息' })).toBeVisible();
  await expect(page.getByText('当前用户：李明')).toBeVisible();
  await shot(page, '08-keyboard-login');
});

test("the member's tasks and points sections have no serious accessibility violations and fit a 360-px phone", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await logIn(page, accounts.member);
  for (const [section, title, heading] of [['tasks', '任务', '任务'], ['points', '积分', '我的积分']] as const) {
    await page.goto(`/member?page=${section}`);
    // Each section has its own h1 (the ledger's is 我的信息) and its heading inside.
    await expect(page.getByRole('heading', { level: 1, name: title, exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: heading, exact: true })).toBeVisible();
    // The seeded tasks (or the points' entries) have loaded, not only the heading.
    if (section === 'tasks') await expect(page.getByRole('article').filter({ hasText: '帮村里销售冰糖橙' }).first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await shot(page, `08-member-${section}-360`);
  }
});
