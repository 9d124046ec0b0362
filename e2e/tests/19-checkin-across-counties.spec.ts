import { expect, test, type Browser, type Page } from '../src/test.ts';
import { accounts, logIn, shot, type Account } from '../src/journeys.ts';

const FLOW_BRANCH = '汝城县驻广州流动党员党支部';

/** A signed-in page of its own (each account keeps its own cookies). */
async function signedIn(browser: Browser, account: Account, options: { viewport?: { width: number; height: number } } = {}): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await logIn(page, account);
  return page;
}

/** Opens a secretary page from the view's own navigation (focus lands on its heading). */
async function openSecretaryPage(page: Page, link: string, heading: string) {
  await page.goto('/secretary');
  await page.getByRole('navigation', { name: '书记工作' }).getByRole('link', { name: link }).click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeFocused();
}

// Issue 6: a member of 永兴 (county A) checks in with 汝城's flow branch in Guangzhou (county B)
// through the QR link that branch shows; B's secretary accepts; B's flow roster shows the
// member's granted fields (written by the event relay, so polled), and A's branch secretary
// sees the check-in as accepted.
test('a 永兴 member checks in with 汝城’s flow branch; both sides see it accepted', async ({ browser }) => {
  test.setTimeout(120_000);

  // B's flow-branch secretary shows the branch's check-in QR code, on a phone.
  const destination = await signedIn(browser, accounts.ruchengFlowSecretary, { viewport: { width: 360, height: 780 } });
  await openSecretaryPage(destination, '报到', '报到');
  const qr = destination.getByRole('region', { name: '本组织的报到二维码' });
  await expect(qr.getByRole('img', { name: `${FLOW_BRANCH} 的报到二维码` })).toBeVisible();
  const link = await qr.getByRole('link').getAttribute('href');
  expect(link).toContain('page=checkin');
  await shot(destination, '19-checkin-qr-360');

  // The member opens the link and sends the check-in with a note.
  const member = await signedIn(browser, accounts.member);
  await member.goto(link!);
  await expect(member.getByText(FLOW_BRANCH).first()).toBeVisible();
  await member.getByLabel('留言').fill('在广州天河区一家物流公司工作，三月到的。');
  await member.getByRole('button', { name: '提交报到申请' }).click();
  await expect(member.getByText('等待对方确认').first()).toBeVisible();

  // B's secretary accepts it.
  await destination.reload();
  await expect(destination.getByRole('heading', { level: 1, name: '报到' })).toBeVisible();
  const inbox = destination.getByRole('region', { name: '向本组织的报到申请' });
  const request = inbox.getByRole('listitem').filter({ hasText: '在广州天河区一家物流公司工作' });
  await expect(request).toBeVisible();
  await request.getByRole('button', { name: '接收', exact: true }).click();
  await expect(destination.getByRole('status').filter({ hasText: '已接收' })).toBeVisible();
  await shot(destination, '19-checkin-accepted-360');

  // B's flow roster lists the member, checked in from 永兴, once the relay has written the grant.
  await destination.getByRole('navigation', { name: '书记工作' }).getByRole('link', { name: '流动党员名册' }).click();
  await expect(destination.getByRole('heading', { level: 1, name: '流动党员名册' })).toBeVisible();
  const row = destination.getByRole('row').filter({ hasText: accounts.member.name });
  await expect(async () => {
    await destination.reload();
    await expect(row).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(row).toContainText('报到党员');
  await expect(row).toContainText('永兴');
  expect(await destination.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await shot(destination, '19-flow-roster-360');

  // A's branch secretary sees the check-in, accepted.
  const home = await signedIn(browser, accounts.secretary);
  await openSecretaryPage(home, '报到', '报到');
  const mine = home.getByRole('region', { name: '本支部党员的报到' });
  const line = mine.getByRole('row').filter({ hasText: accounts.member.name }).filter({ hasText: FLOW_BRANCH });
  await expect(line).toContainText('已接收');
  await shot(home, '19-home-sees-checkin');

  // The member sees it accepted too.
  await member.reload();
  await expect(member.getByText('已报到').first()).toBeVisible();
});
