import { expect, test, type Page } from '../src/test.ts';
import { accounts, logIn, shot } from '../src/journeys.ts';

/** The value shown next to a term of the profile's description list. */
function fact(page: Page, term: string) {
  return page.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]');
}

test('a member logs in and sees their own profile, in Chinese then in English', async ({ page }) => {
  await logIn(page, accounts.member);

  // "/" leads a member to their only view, "My profile".
  await expect(page).toHaveURL(/\/member$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: '我的信息' })).toBeVisible();
  await expect(fact(page, '姓名')).toHaveText('李明');
  await expect(fact(page, '所在支部')).toHaveText('涌水村流动党员党支部');
  await expect(fact(page, '户籍乡镇')).toHaveText('马田镇');
  await expect(fact(page, '状态')).toHaveText('流动');
  await expect(fact(page, '流入城市')).toContainText('深圳');
  await shot(page, '01-member-profile-zh');

  // The language button is named in the language it switches to.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'My profile' })).toBeVisible();
  await expect(fact(page, 'Name')).toHaveText('李明');
  await expect(fact(page, 'Home branch')).toHaveText('涌水村流动党员党支部');
  await expect(fact(page, 'Origin township')).toHaveText('马田镇');
  await expect(fact(page, 'Status')).toHaveText('Mobile');
  await expect(fact(page, 'Destination city')).toContainText('深圳');
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'My profile' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
  await expect(page.getByText('Signed in as 李明')).toBeVisible();
  await expect(page.getByRole('button', { name: '简体中文' })).toBeVisible();
  await shot(page, '01-member-profile-en');

  // The choice is kept across a reload.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'My profile' })).toBeVisible();
});
