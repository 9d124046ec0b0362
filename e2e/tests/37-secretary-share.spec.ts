import { expect, test, type Page } from '../src/test.ts';
import { accounts, fillLogin, fitsWidth, logIn, seriousViolations, shot } from '../src/journeys.ts';

// Issue 18: the secretary is the one who posts in the branch's WeChat group. A task's, a
// meeting's and a destination's share cards (text, link, QR) are on the secretary's pages; the
// link opens that exact page of the member's view on a phone, through the login and back.
const ORANGES = '帮村里销售冰糖橙';
const FLOW_BRANCH = '汝城县驻广州流动党员党支部';

/** `YYYY-MM-DDTHH:mm` in China time of `at`: what a datetime-local box takes. */
const chinaLocal = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16);

async function openSecretaryPage(page: Page, link: string) {
  await page.goto('/secretary');
  await page.getByRole('navigation', { name: '书记工作' }).getByRole('link', { name: link, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: link })).toBeFocused();
}

/** The share card's text and the link in it. */
async function sharedText(page: Page): Promise<{ text: string; link: string }> {
  const card = page.getByRole('region', { name: '分享到微信群' });
  const text = await card.getByLabel('分享文字').inputValue();
  return { text, link: /https?:\/\/\S+/.exec(text)![0] };
}

/** Someone in the group opens the link on a phone that is not logged in, and logs in as the demo member. */
async function openLoggedOut(page: Page, link: string) {
  const phone = await page.context().browser()!.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 740 } });
  const other = await phone.newPage();
  await other.goto(link);
  await expect(other.getByRole('heading', { name: '登录' })).toBeVisible();
  await fillLogin(other, accounts.member);
  return { phone, other };
}

test('a secretary shares a published task; its link lands a logged-out member on that task after the login', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await logIn(page, accounts.secretary);
  await openSecretaryPage(page, '任务');
  const card = page.locator('li[data-task]').filter({ has: page.getByRole('heading', { level: 2, name: ORANGES, exact: true }) });
  await expect(card).toBeVisible();

  // By keyboard: the button opens the card below it; Escape closes it back to the button.
  const share = card.getByRole('button', { name: `分享“${ORANGES}”` });
  await share.focus();
  await page.keyboard.press('Enter');
  await expect(share).toHaveAttribute('aria-expanded', 'true');
  const region = page.getByRole('region', { name: '分享到微信群' });
  await expect(region.getByRole('img', { name: `${ORANGES} 的二维码` })).toBeVisible();
  const { text, link } = await sharedText(page);
  expect(text).toMatch(new RegExp(`^【任务】${ORANGES}｜涌水村流动党员党支部发布，截止 .+，10 分。`));
  const url = new URL(link);
  expect(url.pathname).toBe('/member');
  expect(url.searchParams.get('page')).toBe('tasks');
  expect(url.searchParams.get('task')).toMatch(/^431023\//);
  expect(await fitsWidth(page)).toBe(true);
  expect(await seriousViolations(page)).toEqual([]);
  await shot(page, '37-secretary-task-share-360');
  await region.getByLabel('分享文字').focus();
  await page.keyboard.press('Escape');
  await expect(region).toHaveCount(0);
  await expect(share).toBeFocused();
  await expect(share).toHaveAttribute('aria-expanded', 'false');

  const { phone, other } = await openLoggedOut(page, link);
  await expect(other).toHaveURL((landed) => landed.pathname === '/member' && landed.searchParams.get('task') === url.searchParams.get('task'));
  await expect(other.getByRole('heading', { level: 4, name: ORANGES, exact: true })).toBeFocused();
  await shot(other, '37-member-landed-on-task-360');
  await phone.close();
});

test('a secretary shares an upcoming meeting from its card', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const title = `分享测试主题党日${Date.now() % 100000}`;
  await logIn(page, accounts.secretary);
  await openSecretaryPage(page, '组织生活');
  await page.getByRole('button', { name: '安排会议' }).click();
  const form = page.getByRole('form', { name: /安排会议/ });
  await form.getByLabel('会议类型').selectOption({ label: '主题党日' });
  await form.getByLabel('会议名称').fill(title);
  await form.getByLabel('地点').fill('涌水村党员活动室');
  const startsAt = new Date(Math.ceil((Date.now() + 2 * 86_400_000) / 3600_000) * 3600_000);
  await form.getByLabel('开始时间').fill(chinaLocal(startsAt));
  await form.getByLabel('结束时间').fill(chinaLocal(new Date(startsAt.getTime() + 2 * 3600_000)));
  await form.getByRole('button', { name: '安排', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `已安排会议“${title}”` })).toBeVisible();

  const share = page.getByRole('listitem').filter({ hasText: title }).getByRole('button', { name: `分享“${title}”` });
  await share.click();
  const { text, link } = await sharedText(page);
  expect(text).toContain(`【组织生活】${title}｜`);
  expect(new URL(link).searchParams.get('page')).toBe('meetings');
  expect(new URL(link).searchParams.get('meeting')).toBeTruthy();
  expect(await fitsWidth(page)).toBe(true);
  // The close button puts the focus back on the share button.
  await page.getByRole('region', { name: '分享到微信群' }).getByRole('button', { name: '收起' }).click();
  await expect(share).toBeFocused();
});

test('a destination invites members to check in; the link opens the member’s check-in with it chosen', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await logIn(page, accounts.ruchengFlowSecretary);
  await openSecretaryPage(page, '报到');
  const invite = page.getByRole('region', { name: '邀请党员来我们这里报到' });
  const share = invite.getByRole('button', { name: `分享报到邀请：${FLOW_BRANCH}` });
  await share.click();
  await expect(page.getByRole('region', { name: '分享到微信群' }).getByRole('img', { name: `${FLOW_BRANCH} 的二维码` })).toBeVisible();
  const { text, link } = await sharedText(page);
  expect(text).toContain(`【报到】${FLOW_BRANCH}`);
  const url = new URL(link);
  expect(url.searchParams.get('page')).toBe('checkin');
  expect(url.searchParams.get('tenant')).toBe(accounts.ruchengFlowSecretary.tenant);
  expect(url.searchParams.get('org')).toBeTruthy();
  expect(await fitsWidth(page)).toBe(true);
  expect(await seriousViolations(page)).toEqual([]);
  await shot(page, '37-checkin-invite-360');

  const { phone, other } = await openLoggedOut(page, link);
  await expect(other).toHaveURL((landed) => landed.pathname === '/member' && landed.searchParams.get('org') === url.searchParams.get('org'));
  // The destination is chosen from the link (or, after journey 19, is the member's open check-in).
  await expect(other.getByText(FLOW_BRANCH).first()).toBeVisible();
  await shot(other, '37-member-landed-on-checkin-360');
  await phone.close();
});
