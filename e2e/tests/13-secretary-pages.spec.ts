import { expect, test, type Locator } from '../src/test.ts';
import { accounts, logIn, shot } from '../src/journeys.ts';

/** The names in the table's body, once the page has settled. */
async function names(table: Locator): Promise<string[]> {
  await expect(table).not.toHaveAttribute('aria-busy', 'true');
  // The first cell of each row: name, branch, status, destination city, last contact.
  return (await table.getByRole('rowgroup').nth(1).getByRole('row').getByRole('cell').allInnerTexts()).filter((_, n) => n % 5 === 0);
}

test('a township secretary with more than 20 members pages through them', async ({ page }) => {
  await logIn(page, accounts.township);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '党员管理' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '党员名册' })).toBeVisible();

  const table = page.getByRole('table');
  const caption = table.locator('caption');
  await expect(caption).toContainText('第 1 /');
  const total = Number(/共\s*([\d,]+)\s*名党员/.exec(await caption.innerText())?.[1]?.replace(/,/g, ''));
  expect(total).toBeGreaterThan(20);
  const pages = Math.ceil(total / 20);
  await expect(caption).toHaveText(new RegExp(`第 1 / ${pages.toLocaleString('zh-CN')} 页`));

  const pager = page.getByRole('navigation', { name: '翻页' });
  const previous = pager.getByRole('button', { name: '上一页' });
  const next = pager.getByRole('button', { name: '下一页' });
  await expect(previous).toBeDisabled();
  const first = await names(table);
  expect(first).toHaveLength(20);

  await next.click();
  await expect(caption).toContainText('第 2 /');
  const second = await names(table);
  expect(second).toHaveLength(Math.min(20, total - 20));
  expect(second).not.toEqual(first);
  // Exactly the second page the procedure gives (names may repeat across a township).
  const input = encodeURIComponent(JSON.stringify({ page: 2, pageSize: 20 }));
  const response = await page.request.get(`/api/roster/trpc/members.list?input=${input}`);
  expect(response.status()).toBe(200);
  const body = await response.json();
  const data = body.result.data.json ?? body.result.data;
  expect(second).toEqual(data.items.map((item: { name: string }) => item.name));
  await expect(previous).toBeEnabled();
  await shot(page, '13-secretary-page-2');

  await previous.click();
  await expect(caption).toContainText('第 1 /');
  expect(await names(table)).toEqual(first);
});
