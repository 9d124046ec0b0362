import { expect, test, type Page } from '../src/test.ts';
import { PASSWORD, accounts, fillLogin, shot } from '../src/journeys.ts';

// This journey locks its account for 15 minutes: no other journey logs in as it.
const account = accounts.flowSecretary;

/** Submits the form and waits for the server's answer to be shown. */
async function attempt(page: Page, password: string) {
  const answered = page.waitForResponse((response) => response.url().includes('/api/identity/trpc/auth.login'));
  await fillLogin(page, account, password);
  await answered;
  await expect(page.getByRole('button', { name: '登录' })).toBeEnabled();
}

test('a wrong password shows a readable error, and repeated failures lock the account', async ({ page }) => {
  await page.goto('/login');
  const alert = page.getByRole('alert');

  await attempt(page, 'wrong-password-1');
  await expect(alert).toHaveText('账号或密码错误');
  await expect(page).toHaveURL(/\/login/);
  await shot(page, '04-login-wrong-password');

  // Failures 2–4 still say "wrong"; the fifth locks the account (MAX_FAILURES = 5).
  for (let n = 2; n <= 4; n++) {
    await attempt(page, `wrong-password-${n}`);
    await expect(alert).toHaveText('账号或密码错误');
  }
  await attempt(page, 'wrong-password-5');
  await expect(alert).toHaveText('失败次数过多，账号已锁定 15 分钟，请稍后再试');

  // The sixth try, and even the right password now, are refused with the lock message.
  await attempt(page, 'wrong-password-6');
  await expect(alert).toHaveText('失败次数过多，账号已锁定 15 分钟，请稍后再试');
  await attempt(page, PASSWORD);
  await expect(alert).toHaveText('失败次数过多，账号已锁定 15 分钟，请稍后再试');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('navigation', { name: '主导航' })).toHaveCount(0);
  await shot(page, '04-login-locked');

  // In English too.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(alert).toHaveText('Too many failed attempts: this account is locked for 15 minutes');
});
