import { expect, test } from '../src/test.ts';
import { accounts, fitsWidth, logIn, seriousViolations, shot } from '../src/journeys.ts';

// Every secretary page and the member's ledger form: no serious axe findings, and no
// horizontal scrolling on a 360-px phone.
test('the secretary pages have no serious accessibility violations and fit a 360-px phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await logIn(page, accounts.township);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '党员管理' }).click();
  const table = page.getByRole('table');
  await expect(table).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  expect(await fitsWidth(page)).toBe(true);
  await shot(page, '17-roster-360');

  // A member's record, with its ledger and history.
  await table.getByRole('rowgroup').nth(1).getByRole('row').first().getByRole('link').click();
  await expect(page.getByRole('region', { name: '信息台账' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  expect(await fitsWidth(page)).toBe(true);
  await shot(page, '17-member-detail-360');

  const pages = page.getByRole('navigation', { name: '书记工作' });
  for (const name of ['月度报告', '报到', '流动党员名册', '组织生活', '建言献策', '联系任务', '任务', '待审核', '积分', '考核评价', '流动管理', '组织关系转接', '组织架构', '导入导出', '活动证', '证明信']) {
    await pages.getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText('正在加载…')).toHaveCount(0);
    expect(await seriousViolations(page), name).toEqual([]);
    await shot(page, `17-${name}-360`);
    expect(await fitsWidth(page), name).toBe(true);
  }
});

test("the member's ledger form has no serious accessibility violations and fits a 360-px phone", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await logIn(page, accounts.member);
  await page.getByRole('button', { name: '修改信息' }).click();
  await expect(page.getByLabel('工作单位')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  expect(await fitsWidth(page)).toBe(true);
  await shot(page, '17-member-ledger-form-360');
});
