import { expect, test } from '../src/test.ts';
import { accounts, fillLogin, fitsWidth, logIn, shot } from '../src/journeys.ts';

// Issue 18: a task's share card (text, link, QR) for the branch's WeChat group; its link opens
// that task on the phone, through the login when needed and back to it afterwards.
const ORANGES = '帮村里销售冰糖橙';

test('a task shared from its card opens on a logged-out phone after the login, on that task', async ({ page, browser }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await logIn(page, accounts.member);
  await page.goto('/member?page=tasks');
  const heading = page.getByRole('heading', { level: 4, name: ORANGES, exact: true });
  await expect(heading).toBeVisible();
  // By keyboard: the share button opens the card below it.
  const share = page.getByRole('button', { name: `分享“${ORANGES}”` }).first();
  await share.focus();
  await page.keyboard.press('Enter');
  await expect(share).toHaveAttribute('aria-expanded', 'true');
  const card = page.getByRole('region', { name: '分享到微信群' });
  await expect(card.getByRole('img', { name: `${ORANGES} 的二维码` })).toBeVisible();
  const text = await card.getByLabel('分享文字').inputValue();
  expect(text).toContain(`【任务】${ORANGES}`);
  const link = /https?:\/\/\S+/.exec(text)![0];
  expect(new URL(link).pathname).toBe('/member');
  expect(new URL(link).searchParams.get('page')).toBe('tasks');
  expect(await fitsWidth(page)).toBe(true);
  await shot(page, '32-share-card-360');

  // Someone in the group opens it on a phone that is not logged in.
  const other = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 740 } });
  const phone = await other.newPage();
  await phone.goto(link);
  await expect(phone.getByRole('heading', { name: '登录' })).toBeVisible();
  await fillLogin(phone, accounts.member);
  await expect(phone).toHaveURL((url) => url.pathname === '/member' && url.searchParams.get('task') === new URL(link).searchParams.get('task'));
  await expect(phone.getByRole('heading', { level: 4, name: ORANGES, exact: true })).toBeFocused();
  await shot(phone, '32-landed-on-task-360');
  await other.close();
});
