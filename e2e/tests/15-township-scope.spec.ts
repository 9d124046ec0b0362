import { expect, test, type APIRequestContext } from '../src/test.ts';
import { accounts, logIn, shot } from '../src/journeys.ts';

async function query<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const response = await request.get(`/api/roster/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`);
  expect(response.status(), path).toBe(200);
  const body = await response.json();
  return (body.result.data.json ?? body.result.data) as T;
}

/** A member of 黄草镇, found by the department (which sees the whole county). */
async function memberOfHuangcao(request: APIRequestContext) {
  const orgs = await query<{ id: string; name: string }[]>(request, 'orgs.tree', {});
  const huangcao = orgs.find((org) => org.name === '黄草镇党委');
  expect(huangcao, '黄草镇党委 is in the demo county').toBeDefined();
  const list = await query<{ items: { id: string; name: string }[] }>(request, 'members.list', { orgId: huangcao!.id, page: 1, pageSize: 1 });
  expect(list.items.length).toBe(1);
  return list.items[0]!;
}

test('a township secretary cannot open a member of another township, even by typing the address', async ({ page, browser }) => {
  const department = await browser.newContext();
  const departmentPage = await department.newPage();
  await logIn(departmentPage, accounts.department);
  const outsider = await memberOfHuangcao(departmentPage.request);
  await department.close();

  // 马田镇's secretary opens one of their own members: the record shows.
  await logIn(page, accounts.township);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '党员管理' }).click();
  const first = page.getByRole('table').getByRole('rowgroup').nth(1).getByRole('row').first().getByRole('link');
  const ownName = (await first.innerText()).trim();
  await first.click();
  await expect(page.getByRole('heading', { level: 1, name: ownName })).toBeVisible();
  await expect(page.getByRole('region', { name: '信息台账' })).toBeVisible();

  // The 黄草镇 member's address: a readable message, none of the member's data.
  await page.goto(`/secretary?member=${outsider.id}`);
  await expect(page.getByRole('heading', { level: 1, name: '党员信息' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveText('没有找到该党员，或您没有权限查看。');
  await expect(page.getByText(outsider.name, { exact: true })).toHaveCount(0);
  await expect(page.getByRole('region', { name: '信息台账' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: '修改记录' })).toHaveCount(0);
  await shot(page, '15-township-other-member');

  // The procedures refuse too, without saying whether the member exists.
  const input = encodeURIComponent(JSON.stringify({ memberId: outsider.id }));
  for (const path of ['members.get', 'ledger.history']) {
    const response = await page.request.get(`/api/roster/trpc/${path}?input=${input}`);
    expect(response.status(), path).toBe(404);
  }
});
