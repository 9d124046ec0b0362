import { expect, test, type Browser, type Page } from '../src/test.ts';
import { accounts, fillLogin, logIn, shot, YONGXING } from '../src/journeys.ts';

// Issue 15, the city's view: 郴州市委组织部 sees both demo counties side by side (both grant
// the city at seed), opens a county's townships and a township's branches, never a member;
// once 永兴's department revokes the grant, the city sees no 永兴 figures.

/** The demo city account (infra/runner/src/seed/demo-accounts.ts `DEMO_CITY_ACCOUNT`; README "Demo accounts"). */
const CITY = { tenant: '431000', username: '13600000001', name: '郴州市委组织部' };

async function cityPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/login');
  await fillLogin(page, CITY);
  await expect(page.getByText(`当前用户：${CITY.name}`)).toBeVisible();
  await page.goto('/department');
  await expect(page.getByRole('heading', { level: 1, name: '各县市区概况' })).toBeVisible();
  return page;
}

const countiesTable = (page: Page) => page.getByRole('table', { name: '县市区' });
const trpcGet = (page: Page, path: string, input: unknown) => page.request.get(`/api/${path}?input=${encodeURIComponent(JSON.stringify(input))}`);

test("the city sees its counties' figures, never a member, and loses a county's when it revokes the grant", async ({ browser }) => {
  const city = await cityPage(browser);
  // Both counties granted the city at seed; the grant reaches the services with the relay.
  await expect(countiesTable(city).getByRole('rowheader')).toHaveText(['永兴县', '汝城县']);
  await expect(countiesTable(city).getByRole('columnheader')).toHaveText(['名称', '流动党员', '已报到', '失联', '双报到率', '组织生活次数', '领取任务', '完成任务', '积分']);
  await shot(city, '27-city-counties');

  // A county opens its townships, a township its branches; a branch opens nothing.
  await countiesTable(city).getByRole('button', { name: '查看永兴县的下级组织' }).click();
  const townships = city.getByRole('table', { name: '永兴县：各乡镇（街道）' });
  await expect(townships.getByRole('rowheader', { name: '马田镇党委' })).toBeVisible();
  await townships.getByRole('button', { name: '查看马田镇党委的下级组织' }).click();
  const branches = city.getByRole('table', { name: '马田镇党委：各党支部' });
  await expect(branches.getByRole('rowheader').first()).toBeVisible();
  await expect(branches.getByRole('button')).toHaveCount(0);
  await shot(city, '27-city-branches');

  // No member-level procedure answers the city: a county's member list and a member are refused.
  const list = await trpcGet(city, 'roster/trpc/members.list', {});
  expect(list.status()).toBe(403);
  expect(await list.text()).toContain('FORBIDDEN');
  const member = await trpcGet(city, 'roster/trpc/members.get', { memberId: '00000000-0000-4000-8000-000000000001' });
  expect([403, 404]).toContain(member.status());
  expect((await trpcGet(city, 'roster/trpc/rollups.overview', { month: '2026-01' })).status()).toBe(403);

  // 永兴's department revokes the grant, after a confirmation.
  const department = await (await browser.newContext()).newPage();
  await logIn(department, accounts.department);
  await department.goto('/department?page=city-grant');
  const panel = department.getByRole('region', { name: '向市委组织部授权' });
  await expect(panel.getByText('郴州市已获授权')).toBeVisible();
  department.once('dialog', (dialog) => dialog.accept());
  await panel.getByRole('button', { name: '撤销授权' }).click();
  await expect(panel.getByRole('status')).toHaveText('已撤销授权。');
  await expect(panel.getByText('郴州市目前没有授权。')).toBeVisible();

  // The city then sees no 永兴 figures, in the page and through the API.
  await expect(async () => {
    await city.goto('/department');
    await expect(countiesTable(city).getByRole('rowheader')).toHaveText(['汝城县'], { timeout: 2000 });
  }).toPass({ timeout: 15_000 });
  const overview = await trpcGet(city, 'roster/trpc/rollups.countyOverview', { countyId: YONGXING, month: '2026-01' });
  expect(overview.status()).toBe(404);
  await shot(city, '27-city-after-revocation');

  // Given again, so the demo stays as seeded for the journeys after this one.
  department.once('dialog', (dialog) => dialog.accept());
  await panel.getByRole('button', { name: '授权郴州市查看' }).click();
  await expect(panel.getByRole('status')).toHaveText('已授权。');
});
