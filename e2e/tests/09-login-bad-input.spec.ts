import { expect, test } from '../src/test.ts';
import { accounts, fillLogin, shot } from '../src/journeys.ts';

test('empty or blank login fields get inline messages in the current language, and nothing is sent', async ({ page }) => {
  // Every auth.login call the page makes (a tRPC mutation is a POST).
  const logins: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().includes('/api/identity/trpc/auth.login')) logins.push(request.url());
  });

  await page.goto('/login');
  const tenant = page.getByLabel('县（市、区）');
  const username = page.getByLabel('账号');
  const password = page.getByLabel('密码');
  await expect(tenant).toBeVisible();

  // Nothing filled in: each field says what it needs, and the first one has the focus.
  await page.getByRole('button', { name: '登录' }).click();
  await expect(tenant).toHaveAccessibleDescription('请选择县（市、区）');
  await expect(username).toHaveAccessibleDescription('请输入账号');
  await expect(password).toHaveAccessibleDescription('请输入密码');
  for (const field of [tenant, username, password]) await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(tenant).toBeFocused();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await shot(page, '09-login-empty-zh');

  // A county, an account of blanks only, no password: the blank account counts as empty.
  await tenant.selectOption(accounts.member.tenant);
  await username.fill('   ');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(tenant).not.toHaveAttribute('aria-invalid');
  await expect(page.getByText('请选择县（市、区）')).toHaveCount(0);
  await expect(username).toHaveAccessibleDescription('请输入账号');
  await expect(password).toHaveAccessibleDescription('请输入密码');
  await expect(username).toBeFocused();

  // The messages shown follow a switch to English.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByLabel('Account')).toHaveAccessibleDescription('Enter your account');
  await expect(page.getByLabel('Password')).toHaveAccessibleDescription('Enter your password');
  await expect(page.getByText('请输入账号')).toHaveCount(0);

  // And a new attempt in English is answered in English: a password alone is not enough.
  await page.getByLabel('Password').fill('Tongxin-2026');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByLabel('Account')).toHaveAccessibleDescription('Enter your account');
  await expect(page.getByLabel('Password')).not.toHaveAttribute('aria-invalid');
  await expect(page.getByText('Enter your password')).toHaveCount(0);
  await expect(page.getByLabel('Account')).toBeFocused();
  await expect(page).toHaveURL(/\/login$/);
  await shot(page, '09-login-blank-account-en');

  // None of these attempts reached the server (so none was audited or counted against a lock).
  expect(logins).toEqual([]);

  // Control: a complete form is sent, once, and the listener above sees it.
  await page.getByRole('button', { name: '简体中文' }).click();
  await fillLogin(page, accounts.member);
  await expect(page.getByRole('heading', { level: 1, name: '我的信息' })).toBeVisible();
  expect(logins).toHaveLength(1);
});
