import { expect, test } from '../src/test.ts';
import { accounts, logIn, shot } from '../src/journeys.ts';

// Issue 6: the branch secretary sees 李明 under "未报告" for this month; the member submits
// the monthly report; the secretary's list moves them to "已报告", and the report opens.
test('a member submits the monthly report and the secretary sees them move from 未报告 to 已报告', async ({ page, browser }) => {
  await logIn(page, accounts.secretary);
  await page.goto('/secretary');
  await page.getByRole('navigation', { name: '书记工作' }).getByRole('link', { name: '月度报告' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '月度报告' })).toBeFocused();
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: accounts.member.name, exact: true }) });
  await expect(row).toContainText('未报告');
  await shot(page, '20-before');

  // The member reports on the member portal.
  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await logIn(member, accounts.member);
  await member.goto('/member?page=report');
  await member.getByLabel('本月工作和生活情况').fill('在深圳电子厂上班，身体很好，按时参加支部线上学习。');
  await member.getByText('信息无变化').click();
  await member.getByRole('button', { name: '提交月报' }).click();
  await expect(member.getByText('月报已提交').first()).toBeVisible();

  // The secretary refreshes the list: reported, and the report can be read and acknowledged.
  await page.getByRole('button', { name: '刷新' }).click();
  await expect(row).toContainText('已报告');
  await expect(row).not.toContainText('未报告');
  await row.getByRole('button', { name: `查看 ${accounts.member.name} 的报告` }).click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`${accounts.member.name} 的 .* 月度报告`) })).toBeFocused();
  await expect(page.getByText('在深圳电子厂上班')).toBeVisible();
  await page.getByLabel('回复（党员会看到）').fill('收到，注意安全。');
  await page.getByRole('button', { name: '确认报告' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已确认' })).toBeVisible();
  await expect(row).toContainText('已确认');
  await shot(page, '20-after');
});
