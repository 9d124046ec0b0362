import { expect, test, type Browser, type Page } from '../src/test.ts';
import { accounts, fitsWidth, logIn, seriousViolations, shot, type Account } from '../src/journeys.ts';

const PHONE = { width: 360, height: 780 };

async function signedIn(browser: Browser, account: Account, options: { viewport?: { width: number; height: number } } = {}): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage();
  await logIn(page, account);
  return page;
}

// Issue 17, dues records (党费), not payment: 李明's branch secretary receives his dues for this
// month and records them (a typo in the amount is refused first, readably); 李明 sees the record
// on his phone, with the earlier months the demo seeded.
test('a secretary records 李明’s dues for this month, and 李明 sees it in 我的党费', async ({ browser }) => {
  test.setTimeout(180_000);

  const secretary = await signedIn(browser, accounts.secretary);
  await secretary.goto('/secretary');
  await secretary.getByRole('navigation', { name: '书记工作' }).getByRole('link', { name: '党费', exact: true }).click();
  await expect(secretary.getByRole('heading', { level: 1, name: '党费' })).toBeFocused();
  const row = secretary.getByRole('row').filter({ has: secretary.getByRole('rowheader', { name: accounts.member.name, exact: true }) });
  await expect(row).toContainText('按月交纳');
  await row.getByRole('button', { name: `登记 ${accounts.member.name} 的党费` }).click();

  const form = secretary.getByRole('form', { name: `登记 ${accounts.member.name} 的党费` });
  await expect(form.getByRole('heading', { name: `登记 ${accounts.member.name} 的党费` })).toBeFocused();
  const amount = form.getByLabel('实交金额（元）');
  await amount.fill('-40');
  await form.getByRole('button', { name: '登记交纳' }).click();
  await expect(amount).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('请填写不小于 0 的金额，最多两位小数')).toBeVisible();
  await amount.fill('40.00');
  await form.getByRole('button', { name: '登记交纳' }).click();
  await expect(secretary.getByRole('status').filter({ hasText: `已登记 ${accounts.member.name}` })).toBeVisible();
  await expect(row).toContainText('40.00 元，流出地');
  expect(await seriousViolations(secretary)).toEqual([]);
  await shot(secretary, '33-dues-recorded');

  // A second record for the same month is refused with the reason, and nothing changes.
  await row.getByRole('button', { name: `登记 ${accounts.member.name} 的党费` }).click();
  await form.getByLabel('实交金额（元）').fill('40.00');
  await form.getByRole('button', { name: '登记交纳' }).click();
  await expect(form.getByText('的党费已有记录')).toBeVisible();
  await form.getByRole('button', { name: '取消' }).click();

  const member = await signedIn(browser, accounts.member, { viewport: PHONE });
  await member.goto('/member');
  await member.getByRole('navigation', { name: '我的栏目' }).getByRole('link', { name: '党费', exact: true }).click();
  await expect(member.getByRole('heading', { level: 1, name: '我的党费' })).toBeVisible();
  await expect(member.getByRole('heading', { level: 2, name: '党费记录' })).toBeFocused();
  const cards = member.getByRole('list', { name: '各期党费' }).getByRole('listitem');
  await expect(cards.first()).toContainText('已交');
  await expect(cards.first()).toContainText('流出地');
  await expect(cards.first()).toContainText('涌水村流动党员党支部');
  await expect(member.getByText('没有欠交。')).toBeVisible();
  expect(await fitsWidth(member)).toBe(true);
  expect(await seriousViolations(member)).toEqual([]);
  await shot(member, '33-my-dues-360');
});
