import { expect, test, type Locator, type Page } from '../src/test.ts';
import { accounts, logIn, shot } from '../src/journeys.ts';

/** Presses `key` until `target` has the focus (at most `max` times). */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab', max = 25) {
  for (let n = 0; n < max && !(await target.evaluate((el) => el === document.activeElement)); n++) await page.keyboard.press(key);
  await expect(target).toBeFocused();
}

test('a user who is both member and secretary switches between the two views by keyboard, both ways', async ({ page }) => {
  await logIn(page, accounts.secretary);
  const nav = page.getByRole('navigation', { name: '主导航' });
  const member = nav.getByRole('link', { name: '我的' });
  const secretary = nav.getByRole('link', { name: '党员管理' });
  await expect(page).toHaveURL(/\/member$/);
  await expect(page.getByRole('heading', { level: 1, name: '我的信息' })).toBeVisible();
  await expect(member).toHaveAttribute('aria-current', 'page');

  // Member → secretary: Tab from the top of the page to the link, then Enter.
  await page.locator('body').focus();
  await tabTo(page, secretary, 'Tab');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/secretary$/);
  await expect(page.getByRole('heading', { level: 1, name: '党员名册' })).toBeVisible();
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  await expect(secretary).toHaveAttribute('aria-current', 'page');
  await expect(member).not.toHaveAttribute('aria-current');
  await shot(page, '12-keyboard-secretary');

  // Secretary → member: the focus went to the new content; back up to the link, then Enter.
  await tabTo(page, member, 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/member$/);
  await expect(page.getByRole('heading', { level: 1, name: '我的信息' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: accounts.secretary.name })).toBeVisible();
  await expect(member).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('table')).toHaveCount(0);
  await shot(page, '12-keyboard-member');

  // And Back returns to the secretary view.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: '党员名册' })).toBeVisible();
});
