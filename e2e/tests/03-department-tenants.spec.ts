import { expect, test, type Page } from '../src/test.ts';
import { accounts, logIn, shot, type Account } from '../src/journeys.ts';

/** The county overview's figure cards (issue 15: from the rollups), by their label ("党员" → 427). */
async function counts(page: Page): Promise<Record<string, number>> {
  await expect(page.getByRole('heading', { level: 1, name: '全县概况' })).toBeVisible();
  const figures: Record<string, number> = {};
  for (const [figure, label] of [['members', '党员'], ['mobile', '流动党员']] as const) {
    const text = await page.locator(`[data-figure="${figure}"] .count`).innerText();
    expect(text, `the ${label} card's figure`).toMatch(/^[\d,]+$/);
    figures[label] = Number(text.replace(/,/g, ''));
  }
  return figures;
}

async function overviewOf(page: Page, account: Account) {
  await logIn(page, account);
  const nav = page.getByRole('navigation', { name: '主导航' });
  await expect(nav.getByRole('link')).toHaveText(['党员管理', '组织部']);
  await expect(page).toHaveURL(/\/department$/);
  return counts(page);
}

test('each county’s department sees only its own county’s counts', async ({ browser }) => {
  const yongxingContext = await browser.newContext();
  const yongxingPage = await yongxingContext.newPage();
  const yongxing = await overviewOf(yongxingPage, accounts.department);
  await shot(yongxingPage, '03-department-yongxing');
  await yongxingContext.close();

  const ruchengContext = await browser.newContext();
  const ruchengPage = await ruchengContext.newPage();
  const rucheng = await overviewOf(ruchengPage, accounts.ruchengDepartment);
  await shot(ruchengPage, '03-department-rucheng');
  await ruchengContext.close();

  // README: Yongxing has 420+ members, the smaller Rucheng 80+.
  expect(yongxing['党员']).toBeGreaterThanOrEqual(420);
  expect(rucheng['党员']).toBeGreaterThanOrEqual(80);
  expect(rucheng['党员']).toBeLessThan(yongxing['党员']!);
  expect(rucheng).not.toEqual(yongxing);
  expect(yongxing['流动党员']).toBeLessThanOrEqual(yongxing['党员']!);
  expect(rucheng['流动党员']).toBeLessThanOrEqual(rucheng['党员']!);
});
