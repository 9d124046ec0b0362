import ExcelJS from 'exceljs';
import { expect, test, type Locator, type Page } from '../src/test.ts';
import { accounts, fitsWidth, logIn, shot } from '../src/journeys.ts';

// Issue 15: the department's overview reads the four services' rollups. The department sees the
// county's figures, drills down county → township → branch → the members behind a figure, picks
// another month (the trend ends with it), and exports a table whose figures are the page's.

/** A count as the page shows it ("1,234"). */
const count = async (cell: Locator) => Number((await cell.innerText()).replace(/[^\d]/g, ''));

/** The value on a figure card (`data-figure` is the rollup figure's name). */
const card = (page: Page, figure: string) => page.locator(`[data-figure="${figure}"] .count`);

test('the department reads the county overview, drills down to the members behind a figure, changes the month and exports a table', async ({ page }) => {
  await logIn(page, accounts.department);
  await expect(page).toHaveURL(/\/department$/);
  await expect(page.getByRole('heading', { level: 1, name: '全县概况' })).toBeVisible();
  await expect(page.getByText(/^数据截至/)).toBeVisible();
  // The county has mobile members (the demo: 420+ members, many away).
  expect(await count(card(page, 'mobile'))).toBeGreaterThan(0);

  // The month picker offers this month first (no future month); the trend's last column is the month shown.
  const monthPicker = page.getByLabel('月份');
  const months = await monthPicker.locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
  const [thisMonth, lastMonth] = months;
  await expect(monthPicker).toHaveValue(thisMonth!);
  const trend = page.getByRole('table', { name: '流动党员趋势' });
  await expect(trend.getByRole('columnheader').last()).toHaveText(thisMonth!);
  await monthPicker.selectOption(lastMonth!);
  await expect(page).toHaveURL(new RegExp(`month=${lastMonth}`));
  await expect(trend.getByRole('columnheader').last()).toHaveText(lastMonth!);
  await expect(trend.getByRole('columnheader')).toHaveCount(13); // 指标 + 12 months

  // On a phone the cards stack, the tables scroll inside their own box, and the page fits.
  await page.setViewportSize({ width: 360, height: 800 });
  expect(await fitsWidth(page)).toBe(true);
  await shot(page, '26-department-overview-360');
  await page.setViewportSize({ width: 1280, height: 800 });

  // The children table's export holds the page's figures, under a title row naming the month.
  const children = page.getByRole('table', { name: '下级组织主要数据' });
  const matian = children.getByRole('row', { name: /马田镇党委/ });
  const shownMobile = await count(matian.getByRole('cell').nth(0));
  const shownCheckedIn = await count(matian.getByRole('cell').nth(1));
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出“下级组织主要数据”' }).click();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await (await download).path());
  const sheet = workbook.worksheets[0]!;
  expect(String(sheet.getCell(1, 1).value)).toContain('下级组织主要数据');
  expect(String(sheet.getCell(2, 1).value)).toContain(lastMonth!);
  expect((sheet.getRow(3).values as unknown[]).slice(1, 4)).toEqual(['组织', '流动党员', '已报到']);
  const exported = sheet.getRows(4, sheet.rowCount - 3)!.find((row) => row.getCell(1).value === '马田镇党委');
  expect(exported, 'the township in the exported sheet').toBeDefined();
  expect(exported!.getCell(2).value).toBe(shownMobile);
  expect(exported!.getCell(3).value).toBe(shownCheckedIn);

  // County → township → branch, each with the way back up.
  await matian.getByRole('link', { name: '马田镇党委' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '马田镇党委概况' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`org=[0-9a-f-]{36}.*month=${lastMonth}`));
  const crumbs = page.getByRole('navigation', { name: '组织层级' });
  await expect(crumbs.getByRole('link', { name: '全县' })).toBeVisible();
  // The county's figures stay on screen until the township's arrive: wait for them.
  await expect.poll(() => count(card(page, 'mobile'))).toBe(shownMobile);

  await page.getByRole('table', { name: '下级组织主要数据' }).getByRole('link', { name: '涌水村流动党员党支部' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '涌水村流动党员党支部概况' })).toBeVisible();
  await expect(crumbs.getByRole('link')).toHaveText(['全县', '马田镇党委']);
  const branchUrl = new URL(page.url());

  // At a branch, a figure opens the members behind it: the secretary view's roster, filtered.
  await card(page, 'mobile').getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/secretary\\?org=${branchUrl.searchParams.get('org')}&away=1`));
  await expect(page.getByRole('heading', { level: 1, name: '党员名册' })).toBeVisible();
  await expect(page.getByLabel('状态')).toHaveValue('away');
  await expect(page.getByRole('link', { name: accounts.member.name })).toBeVisible();
  await shot(page, '26-department-overview-members');

  // As many as this month's card counts (流动党员 counts lost contact too). The page showed
  // last month; journeys before this one may have moved members since, and the rollup
  // follows them within a refresh.
  const listed = await page.locator('table.roster-table tbody tr').count();
  const thisMonthsBranch = new URL(branchUrl);
  thisMonthsBranch.searchParams.set('month', thisMonth!);
  await expect
    .poll(
      async () => {
        await page.goto(thisMonthsBranch.toString());
        return count(card(page, 'mobile'));
      },
      { timeout: 60_000, intervals: [0, 5_000] },
    )
    .toBe(listed);
});
