import { expect, test } from '../src/test.ts';
import { accounts, logIn, shot } from '../src/journeys.ts';

/** `YYYY-MM-DDTHH:mm` in China time of `at`: what a datetime-local box takes. */
function chinaLocal(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16);
}

// Issue 6: the branch secretary schedules a meeting; a member who cannot attend sends a
// meeting report instead; the meeting's attendance shows 视同参会 for them. A report counts
// only once the meeting has started (issue 13), so the meeting starts at the next whole
// minute (at least 20 s away, for the form to reach the server before it) and the member
// reports after that.
test('a member reports instead of attending and the attendance shows 视同参会', async ({ page, browser }) => {
  test.setTimeout(150_000);
  const title = `三月主题党日${Date.now() % 100000}`;
  await logIn(page, accounts.secretary);
  await page.goto('/secretary');
  await page.getByRole('navigation', { name: '书记工作' }).getByRole('link', { name: '组织生活' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '组织生活' })).toBeFocused();

  await page.getByRole('button', { name: '安排会议' }).click();
  const form = page.getByRole('form', { name: /安排会议/ });
  await form.getByLabel('会议类型').selectOption({ label: '主题党日' });
  await form.getByLabel('会议名称').fill(title);
  await form.getByLabel('地点').fill('涌水村党员活动室');
  const startsAt = new Date(Math.ceil((Date.now() + 20_000) / 60_000) * 60_000);
  await form.getByLabel('开始时间').fill(chinaLocal(startsAt));
  await form.getByLabel('结束时间').fill(chinaLocal(new Date(startsAt.getTime() + 2 * 3600_000)));
  await form.getByRole('button', { name: '安排', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `已安排会议“${title}”` })).toBeVisible();
  await page.waitForTimeout(Math.max(0, startsAt.getTime() - Date.now() + 1_000));

  // The member cannot come and reports instead.
  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await logIn(member, accounts.member);
  await member.goto('/member?page=meetings');
  const card = member.getByRole('listitem').filter({ hasText: title });
  await expect(card).toBeVisible();
  await card.getByRole('button', { name: '无法参会，提交汇报' }).click();
  await card.getByLabel('汇报内容').fill('在深圳上班无法回村。本月学习了党章第一章，并和同乡党员交流了学习体会。');
  await card.getByRole('button', { name: '提交汇报' }).click();
  await expect(member.getByText('汇报已提交，视同参会。')).toBeVisible();

  // The secretary opens the meeting's attendance: the member counts as attending.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '组织生活' })).toBeVisible();
  await page.getByRole('button', { name: `查看“${title}”的出勤` }).click();
  await expect(page.getByRole('heading', { level: 2, name: `“${title}”的出勤` })).toBeFocused();
  const entry = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: accounts.member.name }) });
  await expect(entry).toContainText('出勤：视同参会');
  await shot(page, '21-attendance');
});
