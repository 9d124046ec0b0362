import { expect, test, type APIRequestContext, type Page } from '../src/test.ts';
import { accounts, logIn, shot } from '../src/journeys.ts';

const BRANCH = '涌水村流动党员党支部';

interface Row {
  name: string;
  branch: string;
}

/** Every member the signed-in user may list, through the secretary procedure itself. */
async function listAll(request: APIRequestContext): Promise<{ total: number; rows: Row[] }> {
  const rows: Row[] = [];
  for (let page = 1; ; page++) {
    const input = encodeURIComponent(JSON.stringify({ page, pageSize: 100 }));
    const response = await request.get(`/api/roster/trpc/members.list?input=${input}`);
    expect(response.status()).toBe(200);
    const body = await response.json();
    const data = body.result.data.json ?? body.result.data;
    rows.push(...data.items.map((item: Row) => ({ name: item.name, branch: item.branch })));
    if (rows.length >= data.total || data.items.length === 0) return { total: data.total, rows };
  }
}

/** The rows of the secretary's table, page after page, as shown. */
async function tableRows(page: Page): Promise<Row[]> {
  const rows: Row[] = [];
  const table = page.getByRole('table');
  const next = page.getByRole('navigation', { name: '翻页' }).getByRole('button', { name: '下一页' });
  for (;;) {
    await expect(table).not.toHaveAttribute('aria-busy', 'true');
    const body = table.getByRole('rowgroup').nth(1);
    for (const row of await body.getByRole('row').all()) {
      const cells = await row.getByRole('cell').allInnerTexts();
      rows.push({ name: cells[0]!.trim(), branch: cells[1]!.trim() });
    }
    if (await next.isDisabled()) return rows;
    const caption = await table.locator('caption').innerText();
    await next.click();
    await expect(table.locator('caption')).not.toHaveText(caption);
  }
}

test('a branch secretary sees the members of their branch and no other branch', async ({ page, browser }) => {
  // The township secretary above the branch sees more, including other branches' members.
  const township = await browser.newContext();
  const townshipPage = await township.newPage();
  await logIn(townshipPage, accounts.township);
  const wider = await listAll(townshipPage.request);
  await township.close();
  const outsider = wider.rows.find((row) => row.branch !== BRANCH);
  expect(outsider, 'the township has members outside the branch').toBeDefined();

  await logIn(page, accounts.secretary);
  // A secretary who is also a member has two views.
  const nav = page.getByRole('navigation', { name: '主导航' });
  await expect(nav.getByRole('link')).toHaveText(['我的', '党员管理']);
  await nav.getByRole('link', { name: '党员管理' }).click();
  await expect(page).toHaveURL(/\/secretary$/);
  await expect(page.getByRole('heading', { level: 1, name: '党员名册' })).toBeVisible();
  await expect(nav.getByRole('link', { name: '党员管理' })).toHaveAttribute('aria-current', 'page');

  const table = page.getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText(['姓名', '支部', '状态', '流入城市', '最后联系']);
  const caption = await table.locator('caption').innerText();
  const total = Number(/共\s*([\d,]+)\s*名党员/.exec(caption)?.[1]?.replace(/,/g, ''));
  expect(total).toBeGreaterThan(0);
  expect(total).toBeLessThan(wider.total);
  await shot(page, '02-secretary-members');

  const rows = await tableRows(page);
  expect(rows).toHaveLength(total);
  for (const row of rows) expect(row.branch, `${row.name}'s branch`).toBe(BRANCH);
  expect(rows.map((row) => row.name)).not.toContain(outsider!.name);
  expect(rows.map((row) => row.name)).toContain(accounts.member.name);

  // The same through the procedure: the secretary's subtree only.
  const own = await listAll(page.request);
  expect(own.total).toBe(total);
  expect(own.rows.every((row) => row.branch === BRANCH)).toBe(true);
});
