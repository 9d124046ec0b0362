import { expect, test } from '../src/test.ts';
import { accounts, logIn, seriousViolations } from '../src/journeys.ts';

// Issue 17, "Lost contact by the rule": no contact with the organization for 6 months or more.
// The demo's few mobile members whose last contact (their last monthly report) is over 6 months
// old are proposed as lost contact by the daily job at start; the county's department sees why
// on its 流动管理 page, finds them in the roster by months without contact, and exports the
// 失联 and 恢复联系 registers. (The controlled clock — a dues payment before the day preventing
// it — is in roster's last-contact.test.ts.)
test('the department sees members proposed as lost contact after 6 months without contact, finds them in the roster, and exports the registers', async ({ page }) => {
  test.setTimeout(180_000);
  await logIn(page, accounts.department);
  await page.goto('/secretary');
  await page.getByRole('link', { name: '流动管理', exact: true }).click();

  const proposals = page.getByRole('region', { name: '建议标记失联' });
  const byRule = proposals.getByRole('row').filter({ hasText: '6 个月无联系，最后联系：' });
  await expect(byRule.first()).toBeVisible({ timeout: 60_000 });
  await expect(byRule.first()).toContainText('月度报告');
  const name = (await byRule.first().getByRole('cell').first().innerText()).trim();
  expect(await seriousViolations(page)).toEqual([]);

  // The registers of the year, as one workbook.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出失联、恢复联系登记表（.xlsx）' }).click();
  expect((await download).suggestedFilename()).toMatch(/失联和恢复联系党员登记表.*\.xlsx$/);
  await expect(page.getByText('登记表已生成。')).toBeVisible();

  // The roster, filtered to 6 months or more without contact, lists them with their last contact.
  await page.getByRole('link', { name: '党员名册', exact: true }).click();
  await page.getByLabel('无联系时长').selectOption({ label: '6 个月以上无联系' });
  await expect(page).toHaveURL(/nocontact=6/);
  await page.getByLabel('搜索姓名、手机号或完整身份证号').fill(name);
  // (Two members may share a name: any of them without contact for 6 months.)
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) }).filter({ hasText: '月度报告' });
  await expect(row.first()).toBeVisible();
  await page.setViewportSize({ width: 360, height: 780 });
  await page.screenshot({ path: test.info().outputPath('roster-no-contact-360.png'), fullPage: true });
});
