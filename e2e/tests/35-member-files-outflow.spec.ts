import { expect, test, type Browser, type Page } from '../src/test.ts';
import { accounts, fitsWidth, logIn, seriousViolations, shot, type Account } from '../src/journeys.ts';

const PHONE = { width: 360, height: 780 };

async function signedIn(browser: Browser, account: Account, options: { viewport?: { width: number; height: number } } = {}): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage();
  await logIn(page, account);
  return page;
}

async function openMemberPage(page: Page) {
  await page.goto('/member');
  await page.getByRole('navigation', { name: '我的栏目' }).getByRole('link', { name: '外出返乡', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: '外出和返乡登记' })).toBeVisible();
}

async function openQueue(page: Page) {
  await page.goto('/secretary');
  await page.getByRole('navigation', { name: '书记工作' }).getByRole('link', { name: '流动管理', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '流动党员管理' })).toBeFocused();
}

/** The branch secretary confirms the member's request from the queue on the 流动 page, whose heading counts what waits. */
async function confirmFromQueue(page: Page, kind: string) {
  await openQueue(page);
  const queue = page.getByRole('region', { name: /党员提交的外出、返乡登记/ });
  await expect(queue.getByRole('heading', { level: 2 })).toContainText('待确认 1 份');
  expect(await fitsWidth(page)).toBe(true);
  const card = queue.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `${accounts.member.name} · ${kind}` }) });
  await card.getByRole('button', { name: `确认${accounts.member.name}的${kind}`, exact: true }).click();
  await expect(queue.getByRole('status')).toHaveText(`已确认${accounts.member.name}的${kind}。`);
  await expect(queue.getByText('没有需要处理的登记。')).toBeVisible();
}

// Issue 17: the member files 外出登记 and 返乡登记 themselves and the branch secretary confirms.
// 李明 is away in the demo: he registers his return (the report on his time away filled in
// once), 曹建国 confirms it; then he registers leaving again, on his phone, with the keyboard,
// and once 曹建国 confirms it (on his phone too) his page shows him registered away.
test('李明 files 返乡登记 and then 外出登记 himself; his branch secretary confirms each; his page shows him away', async ({ browser }) => {
  test.setTimeout(240_000);
  const member = await signedIn(browser, accounts.member, { viewport: PHONE });
  await openMemberPage(member);
  const standing = member.getByTestId('mobility-standing');
  await expect(standing).toContainText('您现在登记为外出');

  // Back home: 返乡登记 with the report on the time away.
  await member.getByRole('button', { name: '返乡登记', exact: true }).click();
  const back = member.getByRole('form', { name: '返乡登记' });
  await expect(back.getByLabel('返乡日期')).toBeFocused();
  await back.getByLabel('外出期间做了什么').fill('在深圳务工，参加驻深圳流动党员党支部的组织生活');
  await back.getByLabel('参加会议次数').fill('2');
  await back.getByRole('button', { name: '提交给支部确认' }).click();
  await expect(member.getByRole('status').filter({ hasText: '已提交，等待支部书记确认。' })).toBeVisible();
  await expect(member.getByRole('listitem').filter({ hasText: '返乡登记' }).first()).toContainText('等待支部确认');
  // One waits: no second form is offered until the branch answers.
  await expect(member.getByRole('button', { name: '返乡登记', exact: true })).toHaveCount(0);

  const secretary = await signedIn(browser, accounts.secretary, { viewport: PHONE });
  await confirmFromQueue(secretary, '返乡登记');

  await openMemberPage(member);
  await expect(standing).toHaveText('您现在登记为在家。');

  // Leaving again: 外出登记, on the phone and with the keyboard only. The phone is the ledger's.
  await member.getByRole('button', { name: '外出登记', exact: true }).focus();
  await member.keyboard.press('Enter');
  const out = member.getByRole('form', { name: '外出登记' });
  await expect(out.getByLabel('外出日期')).toBeFocused();
  await expect(out.getByText('已按您的台账填好，请核对。')).toBeVisible();
  await expect(out.getByLabel('外出期间联系电话')).not.toHaveValue('');
  // Sent without a reason or a duration: each is named, readable, and nothing is sent.
  await out.getByLabel('去往城市').fill('东莞');
  await out.getByLabel('去往城市').press('Enter');
  await expect(out.getByLabel('外出原因')).toHaveAttribute('aria-invalid', 'true');
  await expect(out.getByText('请填写 1 到 120 之间的整数')).toBeVisible();
  await out.getByLabel('外出原因').focus();
  await out.getByLabel('外出原因').selectOption({ label: '务工' });
  await out.getByLabel('原因说明').fill('进厂务工');
  await out.getByLabel('去往省份').fill('广东');
  await out.getByLabel('预计外出时间（月）').fill('6');
  await out.getByLabel('预计外出时间（月）').press('Enter');
  await expect(member.getByRole('status').filter({ hasText: '已提交，等待支部书记确认。' })).toBeVisible();
  expect(await fitsWidth(member)).toBe(true);
  expect(await seriousViolations(member)).toEqual([]);
  await shot(member, '35-outflow-filed-360');

  await confirmFromQueue(secretary, '外出登记');
  expect(await seriousViolations(secretary)).toEqual([]);

  // 李明's page: registered away, in 东莞, the request confirmed.
  await openMemberPage(member);
  await expect(standing).toContainText('您现在登记为外出');
  await expect(standing).toContainText('广东 东莞');
  await expect(member.getByRole('listitem').filter({ hasText: '外出登记' }).first()).toContainText('已确认');
  expect(await fitsWidth(member)).toBe(true);
  await shot(member, '35-registered-away-360');
});
