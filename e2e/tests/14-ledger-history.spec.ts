import { expect, test, type APIRequestContext } from '../src/test.ts';
import { accounts, logIn, shot } from '../src/journeys.ts';

/** A tRPC query through the signed-in user's cookies. */
async function query<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const response = await request.get(`/api/roster/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`);
  expect(response.status(), path).toBe(200);
  const body = await response.json();
  return (body.result.data.json ?? body.result.data) as T;
}

test('a member changes their employer and their branch secretary sees old → new in the history', async ({ page, browser }) => {
  const employer = `永兴冰糖橙合作社${Date.now() % 100000}`;

  // The member, on the member portal.
  await logIn(page, accounts.member);
  await page.getByRole('button', { name: '修改信息' }).click();
  const box = page.getByRole('textbox', { name: '工作单位' });
  await expect(box).toBeVisible();
  const before = (await box.inputValue()).trim();
  await box.fill(employer);
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();

  // The branch secretary finds the member by phone number and opens the record.
  const secretaryContext = await browser.newContext();
  const secretary = await secretaryContext.newPage();
  await logIn(secretary, accounts.secretary);
  await secretary.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '党员管理' }).click();
  await expect(secretary.getByRole('heading', { level: 1, name: '党员名册' })).toBeVisible();
  await secretary.getByRole('searchbox', { name: '搜索姓名、手机号或完整身份证号' }).fill(accounts.member.username);
  const table = secretary.getByRole('table');
  await expect(table.getByRole('rowgroup').nth(1).getByRole('row')).toHaveCount(1);
  await table.getByRole('link', { name: accounts.member.name }).click();

  // Focus moves to the member's heading; the history shows the change, who made it and when.
  const heading = secretary.getByRole('heading', { level: 1, name: accounts.member.name });
  await expect(heading).toBeFocused();
  const history = secretary.getByRole('region', { name: '修改记录' });
  const from = before === '' ? '（空）' : before;
  const change = history.getByRole('listitem').filter({ hasText: `工作单位：${from} → ${employer}` });
  await expect(change.first()).toBeVisible();
  await expect(history.getByRole('listitem').filter({ has: secretary.getByText(`工作单位：${from} → ${employer}`) }).first()).toContainText('党员本人');
  // The ledger shows the new value as just confirmed.
  await expect(secretary.getByRole('region', { name: '信息台账' })).toContainText(employer);
  await shot(secretary, '14-secretary-history');

  // The same through the procedure: the newest version is the member's own update.
  const [member] = (await query<{ items: { id: string }[] }>(secretary.request, 'members.list', { search: accounts.member.username, page: 1, pageSize: 5 })).items;
  const versions = await query<{ action: string; actorRole: string; changes: { field: string; from: string | null; to: string | null }[] }[]>(
    secretary.request,
    'ledger.history',
    { memberId: member!.id },
  );
  expect(versions[0]).toMatchObject({ action: 'ledger_update', actorRole: 'member' });
  expect(versions[0]!.changes).toContainEqual({ field: 'employer', from: before === '' ? null : before, to: employer });

  // A correction with a bad phone number is stopped at the field, in words, before sending.
  await secretary.getByRole('button', { name: '更正台账' }).click();
  const phone = secretary.getByRole('textbox', { name: /^流入地联系电话/ });
  await phone.fill('12345');
  await secretary.getByRole('form', { name: '更正台账' }).getByRole('button', { name: '保存' }).click();
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(phone).toHaveAccessibleDescription('请填写手机号（1 开头的 11 位数字）或带区号的固定电话');
  await secretary.getByRole('button', { name: '取消' }).click();
  expect((await query<unknown[]>(secretary.request, 'ledger.history', { memberId: member!.id })).length).toBe(versions.length);

  // On a 360-px phone the record stays readable (no sideways page scroll).
  await secretary.setViewportSize({ width: 360, height: 800 });
  await expect(heading).toBeVisible();
  expect(await secretary.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await shot(secretary, '14-member-detail-360');
  await secretary.getByRole('link', { name: '返回党员名册' }).click();
  await expect(secretary.getByRole('heading', { level: 1, name: '党员名册' })).toBeFocused();
  await expect(secretary.getByRole('table')).toBeVisible();
  expect(await secretary.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await shot(secretary, '14-roster-360');
  await secretaryContext.close();
});
